import FlowDashCore

/// A flow as its YAML file defines it. The flow's name is the file's name without `.yaml`.
public struct FlowDefinition: Sendable, Hashable {
    public let name: String
    public let description: String?
    public let owner: String?
    /// Declared inputs with their default values.
    public let inputs: TriggerInputs
    public let steps: [StepDefinition]
    /// Absolute path of the YAML file.
    public let file: String

    public init(name: String, description: String?, owner: String?, inputs: TriggerInputs, steps: [StepDefinition], file: String) {
        self.name = name
        self.description = description
        self.owner = owner
        self.inputs = inputs
        self.steps = steps
        self.file = file
    }
}

/// One HTTP call made through a named connection. `path`, header values and `body` may hold
/// `{{…}}` templates (see docs/WORKSPACE.md).
public struct StepDefinition: Sendable, Hashable {
    public let name: String
    public let connection: String
    public let method: String
    public let path: String
    public let headers: [String: String]
    public let body: String?
    /// Seconds before the request is abandoned as a `timeout`.
    public let timeout: Double
    /// Statuses that count as success; nil means any 2xx.
    public let expect: [Int]?
    /// Line of the step in its file, for messages.
    public let line: Int

    public init(
        name: String, connection: String, method: String = "GET", path: String, headers: [String: String] = [:],
        body: String? = nil, timeout: Double = 10, expect: [Int]? = nil, line: Int = 0
    ) {
        self.name = name
        self.connection = connection
        self.method = method
        self.path = path
        self.headers = headers
        self.body = body
        self.timeout = timeout
        self.expect = expect
        self.line = line
    }

    public func accepts(status: Int) -> Bool {
        if let expect { return expect.contains(status) }
        return (200..<300).contains(status)
    }
}

/// How a connection authenticates; the secret itself lives only in the store.
public enum AuthScheme: String, Sendable, Hashable, CaseIterable {
    /// `Authorization: Bearer <secret>`.
    case bearer
    /// `Authorization: Basic base64(username:secret)`.
    case basic
    /// `<header>: <secret>`.
    case apiKey
    case none
}

/// A named connection from `connections.yaml`.
public struct ConnectionDefinition: Sendable, Hashable {
    public let name: String
    /// e.g. `http://127.0.0.1:8080`; step paths are appended to it.
    public let baseURL: String
    public let auth: AuthScheme
    /// For `basic`.
    public let username: String?
    /// For `apiKey`; defaults to `X-API-Key`.
    public let header: String
    /// The path a verify requests with the candidate secret; 2xx proves it.
    public let verifyPath: String

    public init(name: String, baseURL: String, auth: AuthScheme, username: String? = nil, header: String = "X-API-Key", verifyPath: String = "/") {
        self.name = name
        self.baseURL = baseURL
        self.auth = auth
        self.username = username
        self.header = header
        self.verifyPath = verifyPath
    }
}
