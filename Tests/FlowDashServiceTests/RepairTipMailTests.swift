import FlowDashCore
import FlowDashService
import Foundation
import Testing

@Suite("The repair-tips email")
struct RepairTipMailTests {
    private static let tip = RepairTip(
        flow: "sync<b>", firstFailedAt: Date(timeIntervalSince1970: 1_700_000_000), firstFailedRun: RunID("12"),
        diagnosis: Diagnosis(kind: .authentication, flow: "sync<b>", step: "fetch", connection: "crm",
                             error: StepError(code: "401", message: "Unauthorized \u{1B}[31m<script>alert(1)</script> & more"),
                             fix: [.verifyConnection("crm"), .resubmit]),
        failureCount: 3, lastRun: RunID("15"), lastInputs: ["customer": "c-1001"])

    private let mail = RepairTipMail(backendFlags: "--workspace '/srv/my ws'")

    @Test func subjectNamesTheFlowKindAndCode() {
        let message = mail.message(for: Self.tip, from: "fd@example.com", to: "ops@example.com")
        #expect(message.subject == "[FlowDash] sync<b> is failing: authentication (401)")
        #expect(message.to == "ops@example.com")
    }

    @Test func bothPartsHaveTheFourSectionsAndTheRerunCommand() {
        let message = mail.message(for: Self.tip, from: "fd@example.com", to: "ops@example.com")
        let rerun = "flowdash resubmit 15 --workspace '/srv/my ws'"
        for section in ["When:", "What happened:", "How to fix:", "Troubleshooting:", rerun, "customer=c-1001", "3 times",
                        "flowdash connections verify crm --workspace '/srv/my ws'"] {
            #expect(message.text.contains(section), "text part lacks \(section)")
        }
        for section in ["<h2>When</h2>", "<h2>What happened</h2>", "<h2>How to fix</h2>", "<h2>Troubleshooting</h2>",
                        "flowdash resubmit 15 --workspace &#39;/srv/my ws&#39;"] {
            #expect(message.html.contains(section), "HTML part lacks \(section)")
        }
        #expect(mail.rerunCommand(for: Self.tip) == rerun)
    }

    @Test(arguments: [
        (MailLanguage.french, "[FlowDash] sync<b> échoue : authentification (401)",
         ["Quand :", "Ce qui s'est passé :", "Comment corriger :", "Dépannage :", "3 échecs dans cette série",
          "Relancer avec ces entrées : flowdash resubmit 15", "connexion « crm »", "Dernières entrées : customer=c-1001",
          "Commande : flowdash connections verify crm --workspace '/srv/my ws'"]),
        (MailLanguage.dutch, "[FlowDash] sync<b> mislukt: authenticatie (401)",
         ["Wanneer:", "Wat er gebeurde:", "Zo los je het op:", "Probleemoplossing:", "3 keer mislukt in deze reeks",
          "Opnieuw uitvoeren met die invoer: flowdash resubmit 15", "verbinding 'crm'", "Laatste invoer: customer=c-1001",
          "Opdracht: flowdash connections verify crm --workspace '/srv/my ws'"]),
    ])
    func theEmailSpeaksTheConfiguredLanguage(language: MailLanguage, subject: String, phrases: [String]) {
        let translated = RepairTipMail(backendFlags: "--workspace '/srv/my ws'", language: language)
        let message = translated.message(for: Self.tip, from: "fd@example.com", to: "ops@example.com")
        #expect(message.subject == subject)
        for phrase in phrases { #expect(message.text.contains(phrase), "\(language): lacks \(phrase)") }
        for english in ["What happened", "How to fix", "Sent by", "in this streak", "Command:"] {
            #expect(!message.text.contains(english), "\(language): still English: \(english)")
        }
        #expect(!message.html.contains("<h2>When</h2>"))
    }

    @Test func anUnknownLanguageCodeFallsBackToEnglish() {
        #expect(MailLanguage(code: "de") == .english)
        #expect(MailLanguage(code: "FR") == .french)
        #expect(MailLanguage(code: nil) == .english)
    }

    @Test func remoteTextIsEscapedInHTMLAndSanitisedInText() {
        let message = mail.message(for: Self.tip, from: "fd@example.com", to: "ops@example.com")
        #expect(!message.html.contains("<script>"))
        #expect(message.html.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; more"))
        #expect(message.html.contains("Flow sync&lt;b&gt; is failing"))
        #expect(!message.text.contains("\u{1B}"))
        #expect(!message.html.contains("\u{1B}"))
    }

    @Test func theWireFormIsMultipartAlternativeWithBothPartsDecodable() throws {
        let message = mail.message(for: Self.tip, from: "fd@example.com", to: "ops@example.com")
        let wire = message.rendered(boundary: "BOUNDARY")
        #expect(wire.contains("Content-Type: multipart/alternative; boundary=\"BOUNDARY\"\r\n"))
        #expect(wire.contains("Content-Type: text/plain; charset=utf-8"))
        #expect(wire.contains("Content-Type: text/html; charset=utf-8"))
        #expect(wire.hasSuffix("--BOUNDARY--\r\n"))
        let parts = wire.components(separatedBy: "--BOUNDARY")
        #expect(parts.count == 4)
        let textBody = try #require(parts[1].components(separatedBy: "\r\n\r\n").last)
        let decoded = Data(base64Encoded: textBody.replacingOccurrences(of: "\r\n", with: ""))
        #expect(decoded.map { String(decoding: $0, as: UTF8.self) } == message.text)
        #expect(wire.split(separator: "\r\n").allSatisfy { $0.count <= 998 })
    }

    @Test func aHeaderCannotBeInjectedThroughTheFlowName() {
        let message = MailMessage(from: "a@example.com", to: "b@example.com\r\nBcc: evil@example.com", subject: "x\nBcc: evil@example.com",
                                  text: "t", html: "h")
        let headers = message.rendered().components(separatedBy: "\r\n\r\n")[0]
        #expect(!headers.contains("\nBcc:"))
    }

    @Test func noSecretFromTheConnectionReachesTheMessage() {
        // The tip carries no secret; the builder adds none (the backend flags are a path).
        let message = mail.message(for: Self.tip, from: "fd@example.com", to: "ops@example.com")
        for text in [message.text, message.html, message.rendered()] {
            #expect(!text.lowercased().contains("password"))
            #expect(!text.lowercased().contains("bearer"))
        }
    }
}
