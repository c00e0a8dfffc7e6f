import KurentoIDL
import Testing
@testable import KurentoIDLCodegen

/// `kidlc.yaml`: values, relative paths, and problems with their line and column.
@Suite struct ConfigurationFileTests {
    @Test func readsEverySetting() throws {
        let settings = try ConfigurationFile.parse("""
            inputs: [idl/demo, /abs/idl]
            importPaths:
              - idl
            targets: [swift-server, swift-impl-starter]
            output: Generated/swift-server
            access: package
            templates: templates
            swiftModules:
              demo: KurentoDemo
            clean: true
            """, path: "kidlc.yaml")
        #expect(settings == GenerateSettings(
            inputs: ["idl/demo", "/abs/idl"], importPaths: ["idl"], targets: [.swiftServer, .swiftImplStarter],
            output: "Generated/swift-server", access: .package, templates: "templates",
            swiftModules: ["demo": "KurentoDemo"], clean: true))
    }

    @Test func pathsAreRelativeToTheFilesFolder() throws {
        let settings = try ConfigurationFile.parse("""
            inputs: [idl/demo, /abs/idl, .]
            importPaths: [../shared]
            output: Generated
            templates: my-templates
            """, path: "project/kidlc.yaml")
        #expect(settings.inputs == ["project/idl/demo", "/abs/idl", "project"])
        #expect(settings.importPaths == ["project/../shared"])
        #expect(settings.output == "project/Generated")
        #expect(settings.templates == "project/my-templates")
    }

    @Test func anEmptyFileSetsNothing() throws {
        #expect(try ConfigurationFile.parse("", path: "kidlc.yaml") == GenerateSettings())
        #expect(try ConfigurationFile.parse("# only a comment\n", path: "kidlc.yaml") == GenerateSettings())
    }

    @Test func unknownKeysHaveAPlaceAndADidYouMean() throws {
        let error = #expect(throws: ConfigurationError.self) {
            try ConfigurationFile.parse("inputs: [idl]\nouput: Generated\n  \nswift_modules: {}\nflavour: x\n", path: "cfg/kidlc.yaml")
        }
        #expect(error?.problems == [
            .init("unknown key 'ouput'; did you mean 'output'?", at: SourceLocation(file: "cfg/kidlc.yaml", line: 2, column: 1)),
            .init("unknown key 'swift_modules'; did you mean 'swiftModules'?",
                  at: SourceLocation(file: "cfg/kidlc.yaml", line: 4, column: 1)),
            .init("unknown key 'flavour' (known keys: inputs, importPaths, targets, output, access, templates, swiftModules, clean)",
                  at: SourceLocation(file: "cfg/kidlc.yaml", line: 5, column: 1)),
        ])
        #expect(error?.description.hasPrefix("cfg/kidlc.yaml:2:1: error: unknown key 'ouput'; did you mean 'output'?\n") == true)
    }

    @Test func wrongTypesAndValuesHaveAPlace() throws {
        let error = #expect(throws: ConfigurationError.self) {
            try ConfigurationFile.parse("""
                inputs: idl
                importPaths: [idl, [nested]]
                targets: [swift-sever]
                output: [a, b]
                access: pubic
                swiftModules:
                  demo: 3D
                clean: maybe
                """, path: "kidlc.yaml")
        }
        let problems = try #require(error?.problems)
        #expect(problems.map(\.location?.line) == [1, 2, 3, 4, 5, 7, 8])
        #expect(problems.map(\.location?.column) == [9, 20, 11, 9, 9, 9, 8])
        #expect(problems[0].message == "'inputs' must be a list of strings, not 'idl'")
        #expect(problems[1].message == "the items of 'importPaths' must be strings, not a list")
        #expect(problems[2].message.hasPrefix("unknown target 'swift-sever'; did you mean 'swift-server'?"))
        #expect(problems[3].message == "'output' must be a string, not a list")
        #expect(problems[4].message.hasPrefix("unknown access level 'pubic'; did you mean 'public'?"))
        #expect(problems[5].message == "'3D' (the Swift module of 'demo') is not a Swift identifier")
        #expect(problems[6].message == "'clean' must be true or false, not 'maybe'")
    }

    @Test func theRootMustBeAMapping() throws {
        #expect(throws: ConfigurationError("the configuration must be a mapping of settings (key: value), not a list",
                                           at: SourceLocation(file: "kidlc.yaml", line: 1, column: 1))) {
            try ConfigurationFile.parse("- inputs\n", path: "kidlc.yaml")
        }
    }

    @Test func yamlSyntaxErrorsHaveAPlace() throws {
        let error = #expect(throws: ConfigurationError.self) {
            try ConfigurationFile.parse("inputs: [idl\noutput: x\n", path: "kidlc.yaml")
        }
        #expect(error?.problems.count == 1)
        #expect(error?.problems.first?.location?.file == "kidlc.yaml")
        #expect(error?.problems.first?.location?.line == 2)

        let duplicate = #expect(throws: ConfigurationError.self) {
            try ConfigurationFile.parse("output: a\noutput: b\n", path: "kidlc.yaml")
        }
        #expect(duplicate?.problems.first?.message == "duplicate key 'output'")
        #expect(duplicate?.problems.first?.location?.line == 1)
    }

    @Test func loadSaysWhenTheFileIsMissing() {
        #expect(throws: ConfigurationError("configuration file '/nonexistent/kidlc.yaml' does not exist")) {
            try ConfigurationFile.load("/nonexistent/kidlc.yaml")
        }
    }
}
