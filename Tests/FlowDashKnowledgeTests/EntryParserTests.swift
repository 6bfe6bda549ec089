import FlowDashCore
@testable import FlowDashKnowledge
import Testing

@Suite struct EntryParserTests {
    static let valid = """
        ---
        id: sample-entry
        title: A sample
        kinds: authentication, configuration
        codes: 401, timeout
        keywords: Token, expired
        ---
        ## Symptoms
        It fails.
        ## Causes
        Because.
        ## Fix
        1. Verify the connection.
        2. Resubmit the run.
        """

    @Test func parsesFrontMatterAndNumberedFixSteps() throws {
        let entry = try EntryParser.parse(Self.valid, file: "sample.md")
        #expect(entry.id == "sample-entry")
        #expect(entry.kinds == [.authentication, .configuration])
        #expect(entry.codes == ["401", "timeout"])
        #expect(entry.keywords == ["token", "expired"])
        #expect(entry.steps == ["Verify the connection.", "Resubmit the run."])
        #expect(entry.symptoms == "It fails.")
    }

    @Test(arguments: [
        ("no front matter", "## Fix\n1. x", "front matter"),
        ("unknown kind", valid.replacingOccurrences(of: "authentication, configuration", with: "auth"), "unknown kind 'auth'"),
        ("no id", valid.replacingOccurrences(of: "id: sample-entry\n", with: ""), "no 'id'"),
        ("bad id", valid.replacingOccurrences(of: "sample-entry", with: "Sample Entry"), "lowercase"),
        ("unknown key", valid.replacingOccurrences(of: "codes:", with: "code:"), "sample.md:5: unknown key 'code'"),
        ("text before a section", valid.replacingOccurrences(of: "---\n## Symptoms", with: "---\nstray\n## Symptoms"), "sample.md:8: text before"),
        ("no fix section", valid.replacingOccurrences(of: "## Fix", with: "## Repair"), "no '## Fix'"),
        ("fix without steps", valid.replacingOccurrences(of: "1. ", with: "- ").replacingOccurrences(of: "2. ", with: "- "), "numbered list"),
    ])
    func malformedEntriesNameTheFileAndProblem(_ name: String, _ text: String, _ expected: String) {
        #expect(throws: KnowledgeEntryError.self, "\(name)") { try EntryParser.parse(text, file: "sample.md") }
        do {
            _ = try EntryParser.parse(text, file: "sample.md")
        } catch {
            #expect(error.description.contains("sample.md"), "\(name): \(error)")
            #expect(error.description.contains(expected), "\(name): \(error)")
        }
    }
}
