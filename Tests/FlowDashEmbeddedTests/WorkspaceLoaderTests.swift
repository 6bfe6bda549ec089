import FlowDashCore
import FlowDashEmbedded
import Foundation
import Testing

@Suite struct WorkspaceLoaderTests {
    @Test func layoutPlacesFilesInsideTheRoot() {
        let layout = WorkspaceLayout(root: URL(fileURLWithPath: "/srv/ws"))
        #expect(layout.flowsDirectory.path == "/srv/ws/flows")
        #expect(layout.connectionsFile.path == "/srv/ws/connections.yaml")
        #expect(layout.storeDirectory.path == "/srv/ws/.flowdash")
        #expect(layout.storeFile.path == "/srv/ws/.flowdash/store.sqlite")
        #expect(layout.flowFile(named: "copy").path == "/srv/ws/flows/copy.yaml")
    }

    @Test func aValidWorkspaceLoadsConnectionsWithDefaults() throws {
        let workspace = try ScratchWorkspace().load()
        #expect(workspace.problems.isEmpty)
        #expect(workspace.connections["crm"] == ConnectionDefinition(
            name: "crm", baseURL: "http://127.0.0.1:8080", auth: .bearer, verifyPath: "/v1/me"))
        #expect(workspace.connections["billing"] == ConnectionDefinition(
            name: "billing", baseURL: "https://billing.example.com", auth: .apiKey, header: "X-Billing-Key"))
        #expect(workspace.connections["directory"] == ConnectionDefinition(
            name: "directory", baseURL: "http://127.0.0.1:8080", auth: .basic, username: "demo"))
    }

    @Test func aValidFlowLoadsWithItsStepsAndDefaults() throws {
        let scratch = try ScratchWorkspace(flows: ["copy-customer.yaml": ScratchWorkspace.copyCustomer])
        let workspace = scratch.load()
        #expect(workspace.problems.isEmpty)
        let flow = try #require(workspace.flows["copy-customer"])
        #expect(flow.description == "Copy a customer from the CRM into billing")
        #expect(flow.owner == "ops@example.com")
        #expect(flow.inputs == ["customer": "c-1001", "limit": "5"])
        #expect(flow.file == scratch.path("flows/copy-customer.yaml"))
        #expect(flow.steps == [
            StepDefinition(name: "fetch-customer", connection: "crm", method: "GET",
                           path: "/v1/customers/{{inputs.customer}}", timeout: 5, line: 7),
            StepDefinition(name: "create-invoice", connection: "billing", method: "POST", path: "/v1/invoices",
                           headers: ["Content-Type": "application/json"],
                           body: #"{"customer": "{{steps.fetch-customer.json.name}}"}"#,
                           timeout: 10, expect: [201, 202], line: 11),
        ])
    }

    @Test func aBodyWrittenAsYAMLBecomesCompactJSONInFileOrder() throws {
        let body = """
                body:
                  customer: "{{inputs.customer}}"
                  count: 2
                  ok: true
                  ratio: 1.5
                  none: ~
                  zip: "0042"
                  tags: [a, "b \\"q\\""]

            """
        let flow = "inputs: { customer: c-1 }\n" + ScratchWorkspace.flow("    expect: 204\n    timeout: 0.5\n" + body)
        let workspace = try ScratchWorkspace(flows: ["post.yaml": flow]).load()
        #expect(workspace.problems.isEmpty)
        let step = try #require(workspace.flows["post"]?.steps.first)
        #expect(step.expect == [204] && step.timeout == 0.5)
        #expect(step.body == #"{"customer":"{{inputs.customer}}","count":2,"ok":true,"ratio":1.5,"none":null,"zip":"0042","tags":["a","b \"q\""]}"#)
    }

    @Test func aMissingFolderIsAnEmptyWorkspaceWithoutProblems() {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("flowdash-none-\(UUID().uuidString)")
        let workspace = Workspace.load(from: root)
        #expect(workspace.flows.isEmpty && workspace.connections.isEmpty && workspace.problems.isEmpty)
        #expect(workspace.layout.root == root)
    }

    @Test func aYAMLSyntaxErrorHasItsLine() throws {
        let broken = "steps:\n  - name: a\n    connection: crm\n   path: /x\n"
        let scratch = try ScratchWorkspace(flows: ["broken.yaml": broken])
        let problems = scratch.problems(in: "flows/broken.yaml")
        #expect(problems.count == 1)
        #expect(problems.first?.line == 4)
        #expect(problems.first?.message.hasPrefix("invalid YAML:") == true)
        #expect(scratch.load().flows.isEmpty)
    }

    @Test func anUnclosedQuoteInConnectionsIsASyntaxErrorWithALine() throws {
        let scratch = try ScratchWorkspace(connections: "crm:\n  baseURL: \"http://x\n  auth: bearer\n")
        let problems = scratch.problems(in: "connections.yaml")
        #expect(problems.count == 1)
        #expect(problems.first.map { $0.line != nil && $0.message.hasPrefix("invalid YAML:") } == true)
    }

    @Test func anUnknownKeyIsReportedAtItsOwnLineAndColumn() throws {
        let scratch = try ScratchWorkspace(flows: ["typo.yaml": ScratchWorkspace.flow("    methd: POST\n")])
        let problems = scratch.problems(in: "flows/typo.yaml")
        #expect(problems.count == 1)
        #expect(problems.first?.line == 5)
        #expect(problems.first?.column == 5)
        #expect(problems.first?.message.hasPrefix("unknown key 'methd' (expected one of: name, connection, method,") == true)
        #expect(scratch.load().flows["typo"] == nil)
    }

    @Test func anUnknownConnectionKeySkipsOnlyThatConnection() throws {
        let text = ScratchWorkspace.connections + "broken:\n  baseURL: http://x\n  token: abc\n"
        let workspace = try ScratchWorkspace(connections: text).load()
        #expect(workspace.problems.map(\.line) == [15])
        #expect(workspace.problems.first?.message.contains("unknown key 'token'") == true)
        #expect(workspace.connections.keys.sorted() == ["billing", "crm", "directory"])
    }

    @Test func badConnectionValuesAreReportedAtTheirLines() throws {
        let text = """
            a:
              auth: bearer
            b:
              baseURL: ftp://files.example.com
            c:
              baseURL: http://x
              auth: basic
            d:
              baseURL: http://x
              auth: oauth
              verify: me
            e:
              baseURL: http://user:pw@x
            """
        let scratch = try ScratchWorkspace(connections: text)
        let problems = scratch.problems(in: "connections.yaml")
        #expect(problems.map(\.line) == [1, 4, 5, 10, 11, 13])
        #expect(problems[0].message == "connection 'a' is missing the required key 'baseURL'")
        #expect(problems[2].message.contains("needs a 'username'"))
        #expect(scratch.load().connections.isEmpty)
    }

    @Test func aMissingConnectionIsReportedAtTheStepsConnectionLine() throws {
        let scratch = try ScratchWorkspace(flows: ["f.yaml": ScratchWorkspace.flow(connection: "nope")])
        let problems = scratch.problems(in: "flows/f.yaml")
        #expect(problems == [DefinitionProblem(file: scratch.path("flows/f.yaml"), line: 3, column: 17,
                                               message: "step 'only' uses connection 'nope' which is not defined in connections.yaml")])
    }

    @Test func aStepUsingARefusedConnectionPointsAtConnectionsFile() throws {
        let scratch = try ScratchWorkspace(connections: "crm:\n  auth: bearer\n", flows: ["f.yaml": ScratchWorkspace.flow()])
        #expect(scratch.problems(in: "flows/f.yaml").map(\.message) == [
            "step 'only' uses connection 'crm' whose entry in connections.yaml has problems",
        ])
    }

    @Test func oneBadFlowDoesNotStopTheOthers() throws {
        let scratch = try ScratchWorkspace(flows: [
            "a-good.yaml": ScratchWorkspace.flow(),
            "b-syntax.yaml": "steps: [\n",
            "c-unknown.yml": ScratchWorkspace.flow("    retries: 3\n"),
            "d-good.yml": ScratchWorkspace.copyCustomer,
            ".hidden.yaml": "not: a flow",
            "notes.txt": "ignored",
        ])
        let workspace = scratch.load()
        #expect(workspace.flows.keys.sorted() == ["a-good", "d-good"])
        #expect(workspace.problems.map(\.file) == [scratch.path("flows/b-syntax.yaml"), scratch.path("flows/c-unknown.yml")])
    }

    @Test func problemsAreSortedByFileThenLine() throws {
        let flow = "inputs: [a]\nsteps:\n  - name: a\n    connection: nope\n    path: x\n    timeout: 0\n"
        let workspace = try ScratchWorkspace(connections: "z:\n  url: x\n", flows: ["m.yaml": flow]).load()
        let order = workspace.problems.map { "\(URL(fileURLWithPath: $0.file).lastPathComponent):\($0.line ?? 0)" }
        #expect(order == ["connections.yaml:1", "connections.yaml:2", "m.yaml:1", "m.yaml:4", "m.yaml:5", "m.yaml:6"])
    }

    @Test func aForwardStepReferenceIsAProblemAtItsLine() throws {
        let flow = """
            inputs: { customer: c-1 }
            steps:
              - name: first
                connection: crm
                path: /v1/{{steps.second.json.id}}
              - name: second
                connection: crm
                path: /v1/{{ steps.first.status }}/{{inputs.customer}}
            """
        let scratch = try ScratchWorkspace(flows: ["order.yaml": flow])
        let problems = scratch.problems(in: "flows/order.yaml")
        #expect(problems.map(\.line) == [5])
        #expect(problems.first?.message == "step 'first', path '{{steps.second.json.id}}': step 'second' runs after this one; only earlier steps can be used")
    }

    @Test func templateReferencesMustNameDeclaredInputsAndExistingSteps() throws {
        let extra = """
                headers:
                  X-Customer: "{{inputs.customr}}"
                body: "{{steps.ghost.body}} {{steps.only.status}} {{env.HOME}} {{inputs.a"

            """
        let scratch = try ScratchWorkspace(flows: ["refs.yaml": "inputs:\n  customer:\n" + ScratchWorkspace.flow(extra)])
        let messages = scratch.problems(in: "flows/refs.yaml").map(\.message)
        #expect(messages.count == 5)
        #expect(messages.contains { $0.contains("input 'customr' is not declared") })
        #expect(messages.contains { $0.contains("there is no step named 'ghost'") })
        #expect(messages.contains { $0.contains("a step cannot use its own result") })
        #expect(messages.contains { $0.contains("'{{env.HOME}}'") })
        #expect(messages.contains { $0.contains("malformed template in body") })
    }

    @Test func stepValuesAreValidated() throws {
        let flow = """
            steps:
              - name: a
                connection: crm
                path: /x
                method: FETCH
                timeout: 601
                expect: [200, 700]
              - name: a
                connection: crm
                path: relative
                headers: { "Bad Header": x, X-Ok: "line\\nbreak" }
              - connection: crm
                path: /y
                expect: 204
            """
        let scratch = try ScratchWorkspace(flows: ["values.yaml": flow])
        let problems = scratch.problems(in: "flows/values.yaml")
        #expect(problems.map(\.line) == [5, 6, 7, 8, 10, 11, 11, 12])
        #expect(problems[3].message == "step name 'a' is already used by the step on line 2")
        #expect(problems[7].message == "step 3 is missing the required key 'name'")
        #expect(scratch.load().flows.isEmpty)
    }

    @Test func flowLevelShapeProblems() throws {
        let scratch = try ScratchWorkspace(flows: [
            "empty.yaml": "# nothing yet\n",
            "no-steps.yaml": "description: x\nsteps: []\n",
            "list.yaml": "- a\n- b\n",
            "bad name.yaml": ScratchWorkspace.flow(),
        ])
        #expect(scratch.problems(in: "flows/empty.yaml").map(\.line) == [1])
        #expect(scratch.problems(in: "flows/no-steps.yaml").map(\.message) == ["'steps' must list at least one step"])
        #expect(scratch.problems(in: "flows/list.yaml").first?.message.contains("must be a mapping") == true)
        #expect(scratch.problems(in: "flows/bad name.yaml").first?.message.contains("not a valid flow name") == true)
        #expect(scratch.load().flows.isEmpty)
    }

    @Test func aRepeatedKeyIsReportedAtTheRepeat() throws {
        let scratch = try ScratchWorkspace(flows: ["twice.yaml": ScratchWorkspace.flow("    path: /again\n")])
        let problems = scratch.problems(in: "flows/twice.yaml")
        #expect(problems.map(\.line) == [5])
        #expect(problems.first?.message == "key 'path' appears more than once in the same mapping")
    }

    @Test func hugeAndNonUTF8FilesAreRefusedWithOneProblem() throws {
        let scratch = try ScratchWorkspace(flows: ["huge.yaml": "# " + String(repeating: "x", count: 1 << 20) + "\n"])
        try Data("description: ok\nowner: caf\u{E9}\n".utf8.map { $0 == 0xC3 ? 0xFF : $0 })
            .write(to: scratch.root.appendingPathComponent("flows/latin.yaml"))
        #expect(scratch.problems(in: "flows/huge.yaml").count == 1)
        #expect(scratch.problems(in: "flows/latin.yaml") == [
            DefinitionProblem(file: scratch.path("flows/latin.yaml"), line: 2, message: "the file is not valid UTF-8 text"),
        ])
        #expect(scratch.load().flows.isEmpty)
    }

    @Test func aliasBombsAreRefusedInsteadOfExpanded() throws {
        var levels = ["&x0 [a, a, a, a, a, a, a, a, a, a]"]
        for level in 1...8 {
            levels.append("&x\(level) [" + Array(repeating: "*x\(level - 1)", count: 10).joined(separator: ", ") + "]")
        }
        let bomb = "[" + levels.joined(separator: ", ") + "]"
        let scratch = try ScratchWorkspace(flows: [
            "body.yaml": ScratchWorkspace.flow("    body: \(bomb)\n"),
            "key.yaml": "owner: \(bomb)\ninputs: { [*x8]: 1 }\n" + ScratchWorkspace.flow(),
        ])
        #expect(scratch.problems(in: "flows/body.yaml").map(\.message) == ["'body' expands to more than 1024 KiB of JSON"])
        #expect(scratch.problems(in: "flows/key.yaml").map(\.message) == ["an alias (*name) cannot be used as a mapping key"])
    }

    @Test func problemsInFlowRereadsTheFileAfterAnEdit() throws {
        let scratch = try ScratchWorkspace(flows: ["edit.yaml": ScratchWorkspace.flow()])
        let workspace = scratch.load()
        #expect(workspace.problems(inFlow: "edit").isEmpty)
        try scratch.write("flows/edit.yaml", ScratchWorkspace.flow(connection: "ghost"))
        #expect(workspace.problems(inFlow: "edit").map(\.line) == [3])
        let missing = workspace.problems(inFlow: "absent")
        #expect(missing.count == 1 && missing.first?.file == scratch.path("flows/absent.yaml"))
        #expect(workspace.problems(inFlow: "../connections").first?.message.contains("not a valid flow name") == true)
    }
}
