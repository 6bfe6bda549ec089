import FlowDashCore
import Foundation

/// Identifies a task instance within its run; its `id` is no good, it changes on every try.
struct TaskKey: Hashable, Sendable {
    let taskID: String
    let mapIndex: Int

    init(_ instance: TaskInstanceDTO) {
        taskID = instance.taskID
        mapIndex = instance.mapIndex ?? -1
    }
}

/// Task instances as the steps of a run.
enum StepMapping {
    /// Steps in the order they ran: by start date, tasks that have not started last, then by
    /// task id and map index so the order is stable. `failures` holds the log of each failed
    /// task, `leads` the connections each failed task may have gone through.
    static func steps(
        of instances: [TaskInstanceDTO], failures: [TaskKey: LogFailure], leads: [TaskKey: [ConnectionLead]] = [:]
    ) -> [StepRun] {
        ordered(instances).enumerated().map { position, instance in
            step(instance, position: position, failure: failures[TaskKey(instance)], leads: leads[TaskKey(instance)])
        }
    }

    static func ordered(_ instances: [TaskInstanceDTO]) -> [TaskInstanceDTO] {
        instances.sorted { left, right in
            switch (left.startDate, right.startDate) {
            case let (leftStart?, rightStart?) where leftStart != rightStart: return leftStart < rightStart
            case (.some, nil): return true
            case (nil, .some): return false
            default:
                if left.taskID != right.taskID { return left.taskID < right.taskID }
                return (left.mapIndex ?? -1) < (right.mapIndex ?? -1)
            }
        }
    }

    /// `leads`: nil reads the connection from the task's fields alone (a step that did not fail).
    static func step(_ instance: TaskInstanceDTO, position: Int, failure: LogFailure?, leads: [ConnectionLead]? = nil) -> StepRun {
        let status = StateMapping.stepStatus(instance.state)
        let leads = leads ?? directLeads(of: instance, log: failure)
        return StepRun(
            position: position, name: name(of: instance), status: status,
            connection: leads.soleConnection, connectionLeads: leads, connectionIsRecorded: false,
            startedAt: instance.startDate, finishedAt: finishedAt(of: instance, status: status),
            error: status == .failed ? failure?.error : nil,
            output: output(of: instance, failure: status == .failed ? failure : nil))
    }

    /// The task id, with `[n]` for one instance of a mapped task.
    static func name(of instance: TaskInstanceDTO) -> String {
        guard let index = instance.mapIndex, index >= 0 else { return instance.taskID }
        return "\(instance.taskID)[\(index)]"
    }

    /// The Airflow connections the task names in a rendered `conn_id`/`…_conn_id` field (SQL
    /// and HTTP operators), or in the keyword arguments of a Python callable (`op_kwargs`).
    /// Never its operator: `@task` is not a connection, and every `@task` is not one server.
    static func namedConnections(of instance: TaskInstanceDTO) -> [String] {
        let fields = instance.renderedFields ?? [:]
        return (connectionIDs(in: fields) + (fields["op_kwargs"]?.objectValue.map(connectionIDs(in:)) ?? []))
            .uniqued { $0 }
    }

    /// The connections the task's fields and its log name: what tells without guessing.
    static func directLeads(of instance: TaskInstanceDTO, log: LogFailure?) -> [ConnectionLead] {
        (namedConnections(of: instance).map { ConnectionLead(name: $0, evidence: .operatorField) }
            + (log?.connection.map { [ConnectionLead(name: $0, evidence: .taskLog)] } ?? []))
            .uniqued(by: \.name)
    }

    private static func connectionIDs(in fields: [String: JSONValue]) -> [String] {
        fields.filter { $0.key == "conn_id" || $0.key.hasSuffix("_conn_id") }
            .sorted { $0.key < $1.key }
            .compactMap { $0.value.stringValue }
            .filter { !$0.isEmpty }
    }

    /// The end date; for a finished task without one, its start plus its duration.
    private static func finishedAt(of instance: TaskInstanceDTO, status: StepStatus) -> Date? {
        if let end = instance.endDate { return end }
        guard status == .succeeded || status == .failed, let start = instance.startDate,
              let duration = instance.duration else { return nil }
        return start.addingTimeInterval(duration)
    }

    /// Core has no field for the try or the operator class, so they lead the step's output,
    /// followed by a failed task's exception chain: `try 2 · @task (_PythonDecoratedOperator)`.
    private static func output(of instance: TaskInstanceDTO, failure: LogFailure?) -> String? {
        var header: [String] = []
        if let attempt = instance.tryNumber, attempt > 0 { header.append("try \(attempt)") }
        switch (instance.operatorName, instance.operator) {
        case let (name?, type?) where name != type: header.append("\(name) (\(type))")
        case let (name?, _), let (nil, name?): header.append(name)
        case (nil, nil): break
        }
        let lines = (header.isEmpty ? [] : [header.joined(separator: " · ")]) + (failure?.chain ?? [])
        return lines.isEmpty ? nil : lines.joined(separator: "\n")
    }
}
