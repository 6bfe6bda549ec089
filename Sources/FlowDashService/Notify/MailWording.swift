import FlowDashCore
import Foundation

/// The words of a repair-tips email in English, French or Dutch. Commands, run ids, codes and
/// messages from the engine stay as they are; only FlowDash's own sentences are translated.
public enum MailLanguage: String, Sendable, CaseIterable {
    case english = "en"
    case french = "fr"
    case dutch = "nl"

    /// The language for a code such as `fr`; English when it is not one FlowDash speaks.
    public init(code: String?) {
        self = code.flatMap { MailLanguage(rawValue: $0.lowercased()) } ?? .english
    }
}

/// The sentences of one language; `RepairTipMail` fills in the values.
struct MailWording {
    let language: MailLanguage

    func subject(flow: String, kind: FailureKind, code: String) -> String {
        switch language {
        case .english: "[FlowDash] \(flow) is failing: \(kind.rawValue) (\(code))"
        case .french: "[FlowDash] \(flow) échoue : \(kindName(kind)) (\(code))"
        case .dutch: "[FlowDash] \(flow) mislukt: \(kindName(kind)) (\(code))"
        }
    }

    func heading(flow: String) -> String {
        switch language {
        case .english: "Flow \(flow) is failing."
        case .french: "Le flux \(flow) échoue."
        case .dutch: "Stroom \(flow) mislukt."
        }
    }

    var titles: (when: String, what: String, fix: String, trouble: String) {
        switch language {
        case .english: ("When", "What happened", "How to fix", "Troubleshooting")
        case .french: ("Quand", "Ce qui s'est passé", "Comment corriger", "Dépannage")
        case .dutch: ("Wanneer", "Wat er gebeurde", "Zo los je het op", "Probleemoplossing")
        }
    }

    /// A section title as a label: French puts a space before the colon.
    func label(_ title: String) -> String { language == .french ? "\(title) :" : "\(title):" }

    func firstFailed(at time: String, run: RunID) -> String {
        switch language {
        case .english: "First failed \(time), run \(run)."
        case .french: "Premier échec le \(time), exécution \(run)."
        case .dutch: "Voor het eerst mislukt op \(time), uitvoering \(run)."
        }
    }

    func whatHappened(_ diagnosis: Diagnosis) -> String {
        guard language != .english else { return DiagnosisText.whatHappened(diagnosis) }
        let code = diagnosis.error.code, step = diagnosis.step, flow = diagnosis.flow, message = diagnosis.error.message
        let connection = diagnosis.connection.map { language == .french ? " de la connexion « \($0) »" : " van verbinding '\($0)'" } ?? ""
        switch (language, diagnosis.kind) {
        case (.french, .authentication):
            return "L'étape « \(step) » du flux « \(flow) » a échoué : \(message). Le serveur a refusé les identifiants\(connection) (\(code)) : le secret est erroné, a expiré ou n'a pas les droits nécessaires."
        case (.french, .configuration):
            return "L'étape « \(step) » du flux « \(flow) » a échoué : \(message). La requête de l'étape est incorrecte (\(code)) : le serveur ne peut pas la traiter telle que le flux la définit."
        case (.french, .transient):
            return "L'étape « \(step) » du flux « \(flow) » a échoué : \(message). Un problème passager du serveur ou du réseau (\(code)) ; la même requête devrait fonctionner en réessayant."
        case (.french, .other):
            return "L'étape « \(step) » du flux « \(flow) » a échoué : \(message). Le code \(code) ne correspond à aucun problème connu d'authentification, de paramétrage ou passager."
        case (.dutch, .authentication):
            return "Stap '\(step)' van stroom '\(flow)' is mislukt: \(message). De server heeft de aanmeldgegevens\(connection) geweigerd (\(code)): het geheim klopt niet, is verlopen of heeft te weinig rechten."
        case (.dutch, .configuration):
            return "Stap '\(step)' van stroom '\(flow)' is mislukt: \(message). De aanvraag van de stap klopt niet (\(code)): de server kan er niets mee zoals de stroom hem definieert."
        case (.dutch, .transient):
            return "Stap '\(step)' van stroom '\(flow)' is mislukt: \(message). Een tijdelijk probleem met de server of het netwerk (\(code)); dezelfde aanvraag lukt waarschijnlijk bij een nieuwe poging."
        case (.dutch, .other):
            return "Stap '\(step)' van stroom '\(flow)' is mislukt: \(message). Code \(code) is geen bekend probleem met authenticatie, configuratie of een tijdelijke storing."
        case (.english, _):
            return DiagnosisText.whatHappened(diagnosis)
        }
    }

    func stepLine(step: String, code: String, message: String) -> String {
        switch language {
        case .english: "Step \(step), code \(code), message: \(message)"
        case .french: "Étape \(step), code \(code), message : \(message)"
        case .dutch: "Stap \(step), code \(code), melding: \(message)"
        }
    }

    /// One fix step without its command (the mail appends the command with the backend flags).
    func fixStep(_ action: FixAction) -> String {
        switch (language, action) {
        case (.english, .verifyConnection(let name)): "Re-verify connection '\(name)' with a valid secret."
        case (.english, .pickConnection(let names)): "The step went through one of \(quoted(names)): re-verify the one it used."
        case (.english, .findConnection): "Find the connection the step went through (nothing tells which) and re-verify it."
        case (.english, .fixUnlistedConnection(let name)): "Connection '\(name)' is defined outside the server's list (the workers' environment or a secrets backend): correct its secret there."
        case (.english, .editDefinition(let flow)): "Edit the definition of flow '\(flow)' and correct the step."
        case (.english, .resubmit): "Resubmit the run with the same inputs."
        case (.english, .getHelp): "Look for help: flowdash solutions RUN lists matching solutions; flowdash support-bundle RUN collects what support needs."
        case (.french, .verifyConnection(let name)): "Vérifiez à nouveau la connexion « \(name) » avec un secret valide."
        case (.french, .pickConnection(let names)): "L'étape est passée par l'une de ces connexions : \(quoted(names)) ; vérifiez à nouveau celle qu'elle a utilisée."
        case (.french, .findConnection): "Trouvez la connexion par laquelle l'étape est passée (rien ne l'indique) et vérifiez-la à nouveau."
        case (.french, .fixUnlistedConnection(let name)): "La connexion « \(name) » est définie hors de la liste du serveur (environnement des workers ou gestionnaire de secrets) : corrigez son secret là-bas."
        case (.french, .editDefinition(let flow)): "Modifiez la définition du flux « \(flow) » pour corriger l'étape."
        case (.french, .resubmit): "Soumettez à nouveau l'exécution avec les mêmes entrées."
        case (.french, .getHelp): "Cherchez de l'aide : flowdash solutions RUN liste les solutions ; flowdash support-bundle RUN rassemble ce dont le support a besoin."
        case (.dutch, .verifyConnection(let name)): "Controleer verbinding '\(name)' opnieuw met een geldig geheim."
        case (.dutch, .pickConnection(let names)): "De stap liep via een van deze verbindingen: \(quoted(names)); controleer opnieuw de verbinding die hij gebruikte."
        case (.dutch, .findConnection): "Zoek de verbinding waarlangs de stap liep (niets zegt welke) en controleer die opnieuw."
        case (.dutch, .fixUnlistedConnection(let name)): "Verbinding '\(name)' staat buiten de lijst van de server (omgeving van de workers of een geheimenbeheer): corrigeer het geheim daar."
        case (.dutch, .editDefinition(let flow)): "Pas de definitie van stroom '\(flow)' aan en corrigeer de stap."
        case (.dutch, .resubmit): "Verzend de uitvoering opnieuw met dezelfde invoer."
        case (.dutch, .getHelp): "Zoek hulp: flowdash solutions RUN toont passende oplossingen; flowdash support-bundle RUN verzamelt wat support nodig heeft."
        }
    }

    private func quoted(_ names: [String]) -> String {
        names.map { language == .french ? "« \($0) »" : "'\($0)'" }.joined(separator: ", ")
    }

    func command(_ command: String) -> String {
        switch language {
        case .english: " Command: \(command)"
        case .french: " Commande : \(command)"
        case .dutch: " Opdracht: \(command)"
        }
    }

    func key(_ key: String) -> String {
        switch language {
        case .english: " (key \(key) in the interface)"
        case .french: " (touche \(key) dans l'interface)"
        case .dutch: " (toets \(key) in de interface)"
        }
    }

    func failedTimes(_ count: Int, lowerBound: Bool, lastRun: RunID) -> String {
        let more = lowerBound ? "+" : ""
        switch language {
        case .english:
            return "Failed \(count == 1 && !lowerBound ? "once" : "\(count)\(more) times") in this streak; last failed run \(lastRun)."
        case .french:
            return "\(count == 1 && !lowerBound ? "Un échec" : "\(count)\(more) échecs") dans cette série ; dernière exécution en échec : \(lastRun)."
        case .dutch:
            return "\(count == 1 && !lowerBound ? "Eén keer" : "\(count)\(more) keer") mislukt in deze reeks; laatste mislukte uitvoering \(lastRun)."
        }
    }

    func lastInputs(_ inputs: String?) -> String {
        switch language {
        case .english: "Last inputs: \(inputs ?? "(none)")"
        case .french: "Dernières entrées : \(inputs ?? "(aucune)")"
        case .dutch: "Laatste invoer: \(inputs ?? "(geen)")"
        }
    }

    func rerun(_ command: String) -> String {
        switch language {
        case .english: "Rerun with those inputs: \(command)"
        case .french: "Relancer avec ces entrées : \(command)"
        case .dutch: "Opnieuw uitvoeren met die invoer: \(command)"
        }
    }

    func optOut(_ command: String) -> String {
        switch language {
        case .english: "Sent by flowdash watch. Switch these emails off: \(command)"
        case .french: "Envoyé par flowdash watch. Pour ne plus recevoir ces e-mails : \(command)"
        case .dutch: "Verzonden door flowdash watch. Deze e-mails uitzetten: \(command)"
        }
    }

    private func kindName(_ kind: FailureKind) -> String {
        switch (language, kind) {
        case (.french, .authentication): "authentification"
        case (.french, .configuration): "paramétrage"
        case (.french, .transient): "passager"
        case (.french, .other): "autre"
        case (.dutch, .authentication): "authenticatie"
        case (.dutch, .configuration): "configuratie"
        case (.dutch, .transient): "tijdelijk"
        case (.dutch, .other): "overig"
        case (.english, _): kind.rawValue
        }
    }
}
