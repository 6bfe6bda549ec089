import FlowDashCore

/// How FlowDash signs in to Airflow: a user whose password buys tokens, or a token made elsewhere.
public struct AirflowCredentials: Sendable {
    enum Kind: Sendable {
        case password(username: String, password: Secret)
        case token(Secret)
    }

    let kind: Kind

    /// Signs in with `POST /auth/token`; a token that expires is renewed with the same password.
    public static func password(username: String, _ password: Secret) -> AirflowCredentials {
        AirflowCredentials(kind: .password(username: username, password: password))
    }

    /// Uses a ready Bearer token; once Airflow refuses it, requests fail as unauthorized.
    public static func token(_ token: Secret) -> AirflowCredentials {
        AirflowCredentials(kind: .token(token))
    }

    /// Every secret these credentials hold, so that errors can be scrubbed of them.
    var secrets: [Secret] {
        switch kind {
        case .password(_, let password): [password]
        case .token(let token): [token]
        }
    }
}
