import FlowDashAirflow
import FlowDashCore

/// Turns a plan's sign-in into Airflow credentials, asking on the terminal for what is missing.
struct AirflowSignIn {
    /// How to ask: a prompt and whether to echo the answer. Nil when there is no terminal.
    typealias Ask = (_ prompt: String, _ echo: Bool) throws -> String

    let ask: Ask?

    func credentials(for plan: AirflowPlan) throws -> AirflowCredentials {
        if let token = plan.token { return .token(token) }
        if let password = plan.password {
            return .password(username: try username(plan), password)
        }
        guard let ask else { throw BackendSelectionError(Self.missingCredentials(plan)) }
        let username = try plan.username ?? askUsername(ask, plan)
        let password = Secret(try ask("Airflow password for \(username) at \(plan.url.absoluteString): ", false))
        guard !password.isEmpty else { throw BackendSelectionError("no password entered; nothing was sent") }
        return .password(username: username, password)
    }

    private func username(_ plan: AirflowPlan) throws -> String {
        if let username = plan.username { return username }
        guard let ask else {
            throw BackendSelectionError("an Airflow password is set but no user: set \(BackendResolver.Variable.user) or username: in the profile")
        }
        return try askUsername(ask, plan)
    }

    private func askUsername(_ ask: Ask, _ plan: AirflowPlan) throws -> String {
        let username = try ask("Airflow user at \(plan.url.absoluteString): ", true)
        guard !username.isEmpty else { throw BackendSelectionError("no user entered; nothing was sent") }
        return username
    }

    static func missingCredentials(_ plan: AirflowPlan) -> String {
        "no Airflow credentials for \(plan.url.absoluteString): set \(BackendResolver.Variable.user) and "
            + "\(BackendResolver.Variable.password) (or \(BackendResolver.Variable.token)), or add them to a profile; "
            + "on a terminal FlowDash asks for them"
    }
}
