import FlowDashScreen
import Testing
@testable import FlowDashTUI

@Suite("ThemeTests")
struct ThemeTests {
    @Test("both built-in themes set every role")
    func everyRoleSet() {
        for theme in [Theme.defaultDark, .monochrome] {
            #expect(Set(theme.styles.keys) == Set(StyleRole.allCases), "\(theme.name)")
        }
    }

    @Test("role names are camelCase theme-file keys")
    func roleKeys() {
        for role in StyleRole.allCases {
            #expect(role.rawValue.first?.isLowercase == true)
            #expect(role.rawValue.allSatisfy { $0.isLetter })
        }
        #expect(StyleRole(rawValue: "failureMarker") == .failureMarker)
        #expect(StyleRole(rawValue: "statusError") == .statusError)
    }

    @Test("the failure marker is red and bold by default, bold and reverse without colour")
    func failureMarker() {
        let dark = Theme.defaultDark[.failureMarker]
        #expect(dark.foreground == .red && dark.bold)
        let mono = Theme.monochrome[.failureMarker]
        #expect(mono.bold && mono.reverse && mono.foreground == nil && mono.background == nil)
        #expect(Theme.defaultDark[.unauthorized].foreground == .red)
        #expect(Theme.defaultDark[.connected].foreground == .green)
    }

    @Test("monochrome uses no colour at all")
    func monochromeHasNoColour() {
        for (role, style) in Theme.monochrome.styles {
            #expect(style.foreground == nil && style.background == nil, "\(role)")
        }
    }

    @Test("overriding replaces only the named roles and keeps the name")
    func overriding() {
        let custom = Theme.defaultDark.overriding([.failureMarker: Style(foreground: .magenta, bold: true)])
        #expect(custom.name == "default")
        #expect(custom[.failureMarker].foreground == .magenta)
        #expect(custom[.succeeded] == Theme.defaultDark[.succeeded])
        #expect(Theme(name: "empty", styles: [:])[.title] == .plain)
    }

    @Test("selection keeps a cell's own colour and a reversed cell reversed")
    func highlightKeepsMarker() {
        var marker = Theme.defaultDark[.failureMarker]
        Theme.defaultDark.highlight(&marker)
        #expect(marker.foreground == .red && marker.background == .blue && marker.bold)
        var mono = Theme.monochrome[.failureMarker]
        Theme.monochrome.highlight(&mono)
        #expect(mono.reverse && mono.bold)
    }
}
