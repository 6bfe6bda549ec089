import FlowDashCore
import Foundation
import Testing
@testable import flowdash

/// What happens when the plan lacks a password or user: ask on a terminal, else say what to set.
struct AirflowSignInTests {
    private func plan(username: String? = nil, password: String? = nil, token: String? = nil) throws -> AirflowPlan {
        AirflowPlan(url: try #require(URL(string: "http://127.0.0.1:8080")), urlSource: .flag, username: username,
                    password: password.map(Secret.init), token: token.map(Secret.init), profile: nil)
    }

    @Test func withoutATerminalMissingCredentialsNameTheVariables() throws {
        let signIn = AirflowSignIn(ask: nil)
        #expect {
            try signIn.credentials(for: try plan())
        } throws: { error in
            let text = "\(error)"
            return ["FLOWDASH_AIRFLOW_USER", "FLOWDASH_AIRFLOW_PASSWORD", "FLOWDASH_AIRFLOW_TOKEN"].allSatisfy(text.contains)
        }
        #expect {
            try signIn.credentials(for: try plan(password: "p4ssword"))
        } throws: { error in
            "\(error)".contains("FLOWDASH_AIRFLOW_USER") && !"\(error)".contains("p4ssword")
        }
    }

    @Test func aTokenOrAPasswordWithItsUserNeedsNoQuestion() throws {
        let signIn = AirflowSignIn { _, _ in throw Failure("asked") }
        _ = try signIn.credentials(for: try plan(token: "t0ken"))
        _ = try signIn.credentials(for: try plan(username: "admin", password: "p4ssword"))
    }

    @Test func onATerminalTheUserIsAskedVisiblyAndThePasswordHidden() throws {
        final class Questions: @unchecked Sendable { var asked: [(String, Bool)] = [] }
        let questions = Questions()
        let signIn = AirflowSignIn { prompt, echo in
            questions.asked.append((prompt, echo))
            return echo ? "admin" : "typed-password"
        }
        _ = try signIn.credentials(for: try plan())
        #expect(questions.asked.map(\.1) == [true, false])
        #expect(questions.asked.last?.0.contains("admin") == true)
    }

    @Test func anEmptyAnswerSendsNothing() throws {
        let signIn = AirflowSignIn { _, echo in echo ? "admin" : "" }
        #expect(throws: BackendSelectionError.self) { try signIn.credentials(for: try plan()) }
    }
}
