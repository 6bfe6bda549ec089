import FlowDashConfig
import FlowDashCore
import Foundation
import Testing
@testable import flowdash

/// Which backend, URL and sign-in a command line ends up with: flags > environment > profile.
struct BackendResolverTests {
    let defaultWorkspace = URL(fileURLWithPath: "/default/workspace", isDirectory: true)

    private func resolve(
        _ flags: BackendFlags = BackendFlags(), environment: [String: String] = [:], config: ConfigFile = ConfigFile()
    ) throws(BackendSelectionError) -> BackendPlan {
        try BackendResolver(environment: environment, config: config, configPath: "/home/me/.config/flowdash/config.yaml",
                            defaultWorkspace: defaultWorkspace).resolve(flags)
    }

    private func airflowPlan(
        _ flags: BackendFlags = BackendFlags(), environment: [String: String] = [:], config: ConfigFile = ConfigFile()
    ) throws -> AirflowPlan {
        guard case .airflow(let plan) = try resolve(flags, environment: environment, config: config) else {
            throw Failure("expected the Airflow backend")
        }
        return plan
    }

    private let prod = ConfigProfile(
        backend: .airflow, url: "https://airflow.example.com", username: "ops",
        password: ConfigSecret("profile-password"))
    private let local = ConfigProfile(backend: .embedded, workspace: "/srv/flows")

    // MARK: Which backend

    @Test func nothingSaidIsTheDefaultEmbeddedWorkspace() throws {
        #expect(try resolve() == .embedded(EmbeddedPlan(root: defaultWorkspace, named: false)))
    }

    @Test func aURLFlagImpliesAirflow() throws {
        let plan = try airflowPlan(BackendFlags(url: "http://127.0.0.1:8080/"))
        #expect(plan.url.absoluteString == "http://127.0.0.1:8080")
        #expect(plan.urlSource == .flag)
    }

    @Test func theEnvironmentURLSelectsAirflowWhenNoFlagDoes() throws {
        let plan = try airflowPlan(environment: ["FLOWDASH_AIRFLOW_URL": "https://env.example.com"])
        #expect(plan.url.absoluteString == "https://env.example.com")
        #expect(plan.urlSource == .environment)
    }

    @Test func aWorkspaceFlagBeatsAnAirflowDefaultProfile() throws {
        let config = ConfigFile(profile: "prod", profiles: ["prod": prod])
        #expect(try resolve(BackendFlags(workspace: "/tmp/ws"), config: config)
            == .embedded(EmbeddedPlan(root: URL(fileURLWithPath: "/tmp/ws", isDirectory: true), named: true)))
    }

    @Test func theDefaultProfileChoosesTheBackend() throws {
        let config = ConfigFile(profile: "prod", profiles: ["prod": prod, "local": local])
        let plan = try airflowPlan(config: config)
        #expect(plan.url.absoluteString == "https://airflow.example.com")
        #expect(plan.username == "ops")
        #expect(plan.password == Secret("profile-password"))
        #expect(plan.profile == "prod")
    }

    @Test func theProfileFlagBeatsTheDefaultProfile() throws {
        let config = ConfigFile(profile: "prod", profiles: ["prod": prod, "local": local])
        #expect(try resolve(BackendFlags(profile: "local"), config: config)
            == .embedded(EmbeddedPlan(root: URL(fileURLWithPath: "/srv/flows", isDirectory: true), named: true)))
    }

    @Test func theBackendFlagBeatsAProfile() throws {
        let config = ConfigFile(profile: "prod", profiles: ["prod": prod])
        #expect(try resolve(BackendFlags(backend: .embedded), config: config).kind == .embedded)
    }

    @Test func contradictoryFlagsAreRefused() {
        #expect(throws: BackendSelectionError.self) { try resolve(BackendFlags(backend: .embedded, url: "http://127.0.0.1:1")) }
        #expect(throws: BackendSelectionError.self) { try resolve(BackendFlags(backend: .airflow, workspace: "/tmp/ws")) }
        #expect(throws: BackendSelectionError.self) { try resolve(BackendFlags(url: "http://127.0.0.1:1", workspace: "/tmp/ws")) }
    }

    @Test func anUnknownProfileListsTheKnownOnes() {
        let config = ConfigFile(profiles: ["prod": prod, "local": local])
        #expect {
            try resolve(BackendFlags(profile: "staging"), config: config)
        } throws: { error in
            "\(error)".contains("no profile named 'staging'") && "\(error)".contains("local, prod")
        }
    }

    @Test func airflowWithoutAnyURLSaysWhereToGiveOne() {
        #expect {
            try resolve(BackendFlags(backend: .airflow))
        } throws: { error in
            "\(error)".contains("--url") && "\(error)".contains("FLOWDASH_AIRFLOW_URL")
        }
    }

    // MARK: Values: flags > environment > profile

    @Test func theURLFlagBeatsTheEnvironmentWhichBeatsTheProfile() throws {
        let config = ConfigFile(profile: "prod", profiles: ["prod": prod])
        let environment = ["FLOWDASH_AIRFLOW_URL": "https://env.example.com"]
        #expect(try airflowPlan(BackendFlags(url: "https://flag.example.com"), environment: environment, config: config)
            .url.absoluteString == "https://flag.example.com")
        #expect(try airflowPlan(BackendFlags(profile: "prod"), environment: environment, config: config)
            .url.absoluteString == "https://env.example.com")
    }

    @Test func environmentCredentialsBeatTheProfiles() throws {
        let config = ConfigFile(profile: "prod", profiles: ["prod": prod])
        let plan = try airflowPlan(environment: ["FLOWDASH_AIRFLOW_USER": "alice", "FLOWDASH_AIRFLOW_TOKEN": "env-token"], config: config)
        #expect(plan.username == "alice")
        #expect(plan.token == Secret("env-token"))
        #expect(plan.password == nil)
    }

    @Test func aProfilesPasswordIsNeverSentToAnotherServer() throws {
        let config = ConfigFile(profile: "prod", profiles: ["prod": prod])
        let plan = try airflowPlan(BackendFlags(url: "https://elsewhere.example.com"), config: config)
        #expect(plan.password == nil)
        #expect(plan.username == nil)
        let same = try airflowPlan(BackendFlags(url: "https://airflow.example.com/"), config: config)
        #expect(same.password == Secret("profile-password"))
    }

    @Test func bothAPasswordAndATokenInTheEnvironmentIsAnError() {
        #expect(throws: BackendSelectionError.self) {
            try resolve(BackendFlags(url: "http://127.0.0.1:1"),
                        environment: ["FLOWDASH_AIRFLOW_PASSWORD": "p4ss", "FLOWDASH_AIRFLOW_TOKEN": "t0ken"])
        }
    }

    @Test func emptyVariablesCountAsUnset() throws {
        #expect(try resolve(environment: ["FLOWDASH_AIRFLOW_URL": "", "FLOWDASH_WORKSPACE": ""]).kind == .embedded)
    }

    @Test func workspaceComesFromFlagThenEnvironmentThenProfileThenConfig() throws {
        let config = ConfigFile(workspace: "/from/config", profile: "local", profiles: ["local": local])
        func root(_ flags: BackendFlags, _ environment: [String: String]) throws -> String? {
            guard case .embedded(let plan) = try resolve(flags, environment: environment, config: config) else { return nil }
            return plan.root.path
        }
        #expect(try root(BackendFlags(workspace: "/from/flag"), ["FLOWDASH_WORKSPACE": "/from/env"]) == "/from/flag")
        #expect(try root(BackendFlags(), ["FLOWDASH_WORKSPACE": "/from/env"]) == "/from/env")
        #expect(try root(BackendFlags(), [:]) == "/srv/flows")
        let noProfile = ConfigFile(workspace: "/from/config")
        guard case .embedded(let plan) = try resolve(config: noProfile) else { throw Failure("expected embedded") }
        #expect(plan.root.path == "/from/config")
    }

    // MARK: URL

    @Test(arguments: ["ftp://host", "127.0.0.1:8080", "http://", "https://user:secret@host", "http://host/?x=1"])
    func badURLsAreRefused(_ url: String) {
        #expect {
            try resolve(BackendFlags(url: url))
        } throws: { error in
            !"\(error)".contains("secret")
        }
    }

    @Test func httpsAndAPathPrefixAreKept() throws {
        #expect(try airflowPlan(BackendFlags(url: "HTTPS://airflow.example.com/team/")).url.absoluteString
            == "https://airflow.example.com/team")
    }
}
