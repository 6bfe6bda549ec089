import FlowDashCore
import FlowDashEmbedded
import Testing

@Suite struct TemplateTests {
    let customerJSON = #"{"name":"Ada","id":1001,"vip":true,"score":2.5,"tags":["a","b"],"orders":[{"id":"o-1","total":12},{"id":"o-2","total":30}],"address":{"city":"Paris","zip":null}}"#

    var context: TemplateContext {
        TemplateContext(
            inputs: ["customer": "c-1001", "empty": ""],
            steps: [
                "fetch": StepOutcome(status: 200, body: customerJSON),
                "ping": StepOutcome(status: 204, body: "pong"),
                "offline": StepOutcome(status: nil, body: ""),
                "fetch.v2": StepOutcome(status: 201, body: #"{"name":"Grace"}"#),
            ]
        )
    }

    func renderError(_ text: String) -> TemplateError? {
        do {
            _ = try Template.render(text, in: context)
            return nil
        } catch {
            return error
        }
    }

    @Test func textWithoutTemplatesIsUnchanged() throws {
        #expect(try Template.render("/v1/customers?x={y}&z=}}", in: context) == "/v1/customers?x={y}&z=}}")
        #expect(try Template.render("", in: context) == "")
    }

    @Test func inputsAreSubstitutedWithOrWithoutSpacesInsideTheBraces() throws {
        #expect(try Template.render("/v1/customers/{{inputs.customer}}", in: context) == "/v1/customers/c-1001")
        #expect(try Template.render("{{ inputs.customer }}/{{\tinputs.customer\t}}", in: context) == "c-1001/c-1001")
        #expect(try Template.render("[{{inputs.empty}}]", in: context) == "[]")
    }

    @Test func statusAndBodyOfAnEarlierStep() throws {
        #expect(try Template.render("{{steps.ping.status}}:{{steps.ping.body}}", in: context) == "204:pong")
        #expect(try Template.render("{{steps.fetch.body}}", in: context) == customerJSON)
    }

    @Test func jsonPathsWalkObjectsAndArrays() throws {
        #expect(try Template.render("{{steps.fetch.json.name}}", in: context) == "Ada")
        #expect(try Template.render("{{steps.fetch.json.tags.1}}", in: context) == "b")
        #expect(try Template.render("{{steps.fetch.json.orders.1.id}}", in: context) == "o-2")
        #expect(try Template.render("{{ steps.fetch.json.address.city }}", in: context) == "Paris")
    }

    @Test func nonStringJSONValuesRenderAsCompactJSON() throws {
        #expect(try Template.render("{{steps.fetch.json.id}}", in: context) == "1001")
        #expect(try Template.render("{{steps.fetch.json.vip}}", in: context) == "true")
        #expect(try Template.render("{{steps.fetch.json.score}}", in: context) == "2.5")
        #expect(try Template.render("{{steps.fetch.json.address.zip}}", in: context) == "null")
        #expect(try Template.render("{{steps.fetch.json.tags}}", in: context) == #"["a","b"]"#)
        #expect(try Template.render("{{steps.fetch.json.orders.0}}", in: context) == #"{"id":"o-1","total":12}"#)
        #expect(try Template.render("{{steps.fetch.json.address}}", in: context) == #"{"city":"Paris","zip":null}"#)
    }

    @Test func stringsWithSpecialCharactersAreEscapedInsideCompactJSON() throws {
        let context = TemplateContext(inputs: [:], steps: ["s": StepOutcome(status: 200, body: #"{"list":["say \"hi\"\n","tab\t"]}"#)])
        #expect(try Template.render("{{steps.s.json.list}}", in: context) == #"["say \"hi\"\n","tab\t"]"#)
        #expect(try Template.render("{{steps.s.json.list.0}}", in: context) == "say \"hi\"\n")
    }

    @Test func aStepNameWithADotIsResolved() throws {
        #expect(try Template.render("{{steps.fetch.v2.json.name}}/{{steps.fetch.v2.status}}", in: context) == "Grace/201")
    }

    @Test func severalTemplatesInOneText() throws {
        let body = #"{"customer":"{{inputs.customer}}","name":"{{steps.fetch.json.name}}","status":{{steps.ping.status}}}"#
        #expect(try Template.render(body, in: context) == #"{"customer":"c-1001","name":"Ada","status":204}"#)
    }

    @Test func unknownReferencesThrowWithTheReference() {
        #expect(renderError("{{inputs.nope}}") == TemplateError(reference: "inputs.nope", reason: "no input named 'nope'"))
        #expect(renderError("{{ steps.later.status }}")?.reference == "steps.later.status")
        #expect(renderError("{{steps.later.status}}")?.reason == "no earlier step named 'later'")
        #expect(renderError("{{customer}}")?.reference == "customer")
        #expect(renderError("{{steps.fetch.headers}}")?.reason.contains(".status, .body or .json") == true)
        #expect(renderError("{{steps.fetch}}") != nil)
        #expect(renderError("{{inputs.}}") != nil)
        #expect(renderError("{{steps.fetch.json.}}") != nil)
    }

    @Test func jsonWalkingFailuresThrow() {
        #expect(renderError("{{steps.fetch.json.missing}}")?.reason == "json has no field 'missing'")
        #expect(renderError("{{steps.fetch.json.tags.2}}")?.reason.contains("is a list of 2") == true)
        #expect(renderError("{{steps.fetch.json.tags.first}}") != nil)
        #expect(renderError("{{steps.fetch.json.name.first}}")?.reason.contains("no field 'first'") == true)
        #expect(renderError("{{steps.ping.json.x}}")?.reason == "the step's response body is not JSON")
        #expect(renderError("{{steps.offline.status}}")?.reason == "the step got no HTTP response")
    }

    @Test func malformedTemplatesThrow() {
        #expect(renderError("/v1/{{inputs.customer")?.reason == "'{{' is not closed by '}}'")
        #expect(renderError("{{ {{inputs.customer}}")?.reason == "'{{' is not closed by '}}'")
        #expect(renderError("a{{  }}b")?.reason == "nothing between the braces")
    }

    @Test func errorDescriptionNamesTheTemplate() {
        let error = TemplateError(reference: "inputs.x", reason: "no input named 'x'")
        #expect(error.description == "template '{{inputs.x}}': no input named 'x'")
    }

    @Test func referencesAreListedInOrderAndTrimmed() {
        let text = "/v1/{{ inputs.customer }}/{{steps.fetch.json.orders.0.id}}?s={{steps.ping.status}}"
        #expect(Template.references(in: text) == ["inputs.customer", "steps.fetch.json.orders.0.id", "steps.ping.status"])
        #expect(Template.references(in: "no templates {here}") == [])
        #expect(Template.references(in: "{{inputs.a}} then {{unclosed") == ["inputs.a"])
    }
}
