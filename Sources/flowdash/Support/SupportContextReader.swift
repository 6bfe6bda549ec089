import FlowDashConfig
import FlowDashService
import Foundation

/// What every support bundle of this process carries (the service is made with it, so the
/// interface's bundles hold the same as `flowdash support-bundle`'s).
enum SupportContextReader {
    /// FlowDash's version, the config file's settings without their secrets, and every secret
    /// this process knows (profiles, Airflow credentials) for the bundle to remove by value.
    static func read(plan: BackendPlan, environment: [String: String] = ProcessInfo.processInfo.environment) -> SupportContext {
        var settings: [String: String] = [:]
        var secrets: [String] = []
        if case .airflow(let airflow) = plan { secrets += airflow.secrets.map { $0.reveal() } }
        let configURL = InterfaceSettings.configFile(XDGDirectories(environment: environment))
        do {
            let config = try ConfigFile.load(configURL)
            settings["theme"] = config.theme
            settings["language"] = config.language
            settings["readOnly"] = config.readOnly.map { String($0) }
            settings["workspace"] = config.workspace
            settings["profile"] = config.profile
            for (name, profile) in config.profiles {
                let prefix = "profiles.\(name)."
                settings[prefix + "backend"] = profile.backend.rawValue
                settings[prefix + "workspace"] = profile.workspace
                settings[prefix + "url"] = profile.url
                settings[prefix + "username"] = profile.username
                if profile.password != nil { settings[prefix + "password"] = SupportBundleRedactor.mask }
                if profile.token != nil { settings[prefix + "token"] = SupportBundleRedactor.mask }
                secrets += [profile.password, profile.token].compactMap { $0?.reveal() }
            }
        } catch {
            // why: the problem text is ours, but it quotes paths only; the bundle still helps without it.
            settings["configFile"] = "could not be read: \(error.description)"
        }
        return SupportContext(flowdashVersion: FlowDashCommand.configuration.version, configuration: settings, knownSecrets: secrets)
    }
}
