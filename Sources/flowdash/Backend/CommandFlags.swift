import FlowDashService

/// The flags that make a printed or mailed `flowdash` command reach the same backend as this one.
enum CommandFlags {
    static func reaching(_ plan: BackendPlan, profile: String?) -> String {
        if let profile { return "--profile \(RepairTipMail.shellQuoted(profile))" }
        switch plan {
        case .embedded(let embedded): return "--workspace \(RepairTipMail.shellQuoted(embedded.root.path))"
        case .airflow(let airflow): return "--url \(RepairTipMail.shellQuoted(airflow.url.absoluteString))"
        }
    }
}
