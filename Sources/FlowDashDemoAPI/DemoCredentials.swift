/// The fixed credentials of the demo API, shared by the server, the demo workspace and tests.
public enum DemoCredentials {
    /// The CRM bearer token the operator types to fix the demo's authentication failure.
    public static let validCRMToken = "flowdash-demo"
    /// The CRM token the demo stores at first, so `sync-customers` fails with 401.
    public static let expiredCRMToken = "expired-2026-10-31"
    /// The billing API key (sent in `X-API-Key`).
    public static let billingKey = "billing-demo-key"
    /// The directory's basic-auth user name.
    public static let directoryUser = "demo"
    /// The directory's basic-auth password.
    public static let directoryPassword = "demo-directory"
}
