import Foundation

/// Where the Airflow API is and how FlowDash talks to it.
public struct AirflowConfiguration: Sendable {
    /// The most rows Airflow returns per page (`[api] maximum_page_limit`); a larger limit is cut
    /// silently, so asking for more would make paging skip rows.
    public static let maximumPageSize = 100

    /// The server's root, e.g. `http://127.0.0.1:8080`; `/api/v2` and `/auth` go below it.
    public let baseURL: URL
    /// Sign-in for every request except health and version.
    public let credentials: AirflowCredentials
    /// How long one request may take in all before it fails as unreachable.
    public let requestTimeout: Duration
    /// Rows per page, 1…100.
    public let pageSize: Int
    /// How many requests one backend call may have in flight at once (logs of several runs, …).
    public let maximumConcurrentRequests: Int
    /// Where the failures read from task logs are kept between processes (one small 0600 file
    /// per server); nil keeps them in memory only, for this process.
    public let cacheDirectory: URL?
    /// How often the activity list is reloaded in full rather than asked only for the runs that
    /// changed: a deleted run leaves no trace to ask for, so only a full reload removes it.
    /// `.zero` reloads in full every time.
    public let fullRefreshInterval: Duration

    /// TLS certificates are verified by URLSession; there is deliberately no switch to turn that off.
    public init(
        baseURL: URL, credentials: AirflowCredentials, requestTimeout: Duration = .seconds(30),
        pageSize: Int = AirflowConfiguration.maximumPageSize, maximumConcurrentRequests: Int = 4,
        cacheDirectory: URL? = nil, fullRefreshInterval: Duration = .seconds(60)
    ) {
        self.baseURL = baseURL
        self.credentials = credentials
        self.requestTimeout = requestTimeout
        self.pageSize = min(max(pageSize, 1), Self.maximumPageSize)
        self.maximumConcurrentRequests = max(maximumConcurrentRequests, 1)
        self.cacheDirectory = cacheDirectory
        self.fullRefreshInterval = max(fullRefreshInterval, .zero)
    }
}
