import Foundation
import Testing
@testable import KurentoIDL

/// Bad input for assembly (KIDL300–KIDL314) and input discovery (KIDL500–KIDL501): fusing the files of a
/// module, module headers, versions and ranges, imports.
@Suite struct BadInputAssemblyTests {
    static let cases: [BadInputCase] = [
        BadInputCase("field set in several files", files: [
            .text("a.kmd.json", #"""
                {
                  "name": "a",
                  "version": "1.0.0",
                  "kurentoVersion": "^1.0.0"
                }
                """#),
            .text("a.parts.kmd.json", #"""
                {
                  "version": "1.0.0",
                  "complexTypes": [
                    { "name": "Color", "typeFormat": "ENUM", "values": ["RED"] }
                  ]
                }
                """#),
        ], expect: [
            .error(.fieldInSeveralFiles, "a.parts.kmd.json", 2, 14),
        ], check: { run in
            let d = try run.only(.fieldInSeveralFiles)
            #expect(d.notes.map { run.place($0.location) } == ["a.kmd.json:3:14"], "a note at the first 'version'")
            // The second file still belongs to the module.
            #expect(run.result.schema?.modules["a"]?.complexTypes.map(\.name) == ["Color"])
        }),

        BadInputCase("missing name", #"""
            {
              "version": "1.0.0",
              "kurentoVersion": "^1.0.0"
            }
            """#, expect: [
            .error(.missingModuleName, "m.kmd.json", 1, 1),
        ]),

        BadInputCase("missing version", #"""
            {
              "name": "m",
              "kurentoVersion": "^1.0.0"
            }
            """#, expect: [
            .error(.missingVersion, "m.kmd.json", 2, 11),
        ]),

        BadInputCase("missing kurentoVersion", #"""
            {
              "name": "m",
              "version": "1.0.0"
            }
            """#, expect: [
            .error(.missingKurentoVersion, "m.kmd.json", 2, 11),
        ]),

        BadInputCase("invalid version 1.0", #"""
            {
              "name": "m",
              "version": "1.0",
              "kurentoVersion": "^1.0.0"
            }
            """#, expect: [
            // Where PATCH is missing: the closing quote.
            .error(.invalidVersion, "m.kmd.json", 3, 18),
        ]),

        BadInputCase("invalid range: the column of the offending character", #"""
            {
              "name": "m",
              "version": "1.0.0",
              "kurentoVersion": ">=1.0.0 & ?2"
            }
            """#, expect: [
            .error(.invalidVersionRange, "m.kmd.json", 4, 32),
        ]),

        BadInputCase("import not found", #"""
            {
              "name": "m",
              "version": "1.0.0",
              "kurentoVersion": "^1.0.0",
              "imports": [
                { "name": "nosuch", "version": "^1.0.0" }
              ]
            }
            """#, expect: [
            .error(.importNotFound, "m.kmd.json", 6, 15),
        ]),

        BadInputCase("import version mismatch says found vs required", files: [
            .text("a.kmd.json", #"""
                {
                  "name": "a",
                  "version": "1.0.0",
                  "kurentoVersion": "^1.0.0",
                  "imports": [
                    { "name": "b", "version": "^2.0.0" }
                  ]
                }
                """#),
            .text("b.kmd.json", #"""
                {
                  "name": "b",
                  "version": "1.3.0",
                  "kurentoVersion": "^1.0.0"
                }
                """#),
        ], expect: [
            .error(.importVersionMismatch, "a.kmd.json", 6, 31),
        ], check: { run in
            let d = try run.only(.importVersionMismatch)
            #expect(d.message.contains("requires version ^2.0.0"), "\(d.message)")
            #expect(d.message.contains("has version 1.3.0"), "\(d.message)")
            #expect(d.notes.map { run.place($0.location) } == ["b.kmd.json:3:14"])
        }),

        BadInputCase("kurentoVersion that the Kurento modules do not satisfy", #"""
            {
              "name": "m",
              "version": "1.0.0",
              "kurentoVersion": "^2.0.0"
            }
            """#, expect: [
            // One per implicit import (core, elements, filters), all at the range that fails.
            .error(.importVersionMismatch, "m.kmd.json", 4, 21),
            .error(.importVersionMismatch, "m.kmd.json", 4, 21),
            .error(.importVersionMismatch, "m.kmd.json", 4, 21),
        ]),

        BadInputCase("import cycle between two modules", files: [
            .text("a/a.kmd.json", #"""
                {
                  "name": "a",
                  "version": "1.0.0",
                  "kurentoVersion": "^1.0.0",
                  "imports": [
                    { "name": "b", "version": "^1.0.0" }
                  ]
                }
                """#),
            .text("b/b.kmd.json", #"""
                {
                  "name": "b",
                  "version": "1.0.0",
                  "kurentoVersion": "^1.0.0",
                  "imports": [
                    { "name": "a", "version": "^1.0.0" }
                  ]
                }
                """#),
        ], expect: [
            .error(.importCycle, "b/b.kmd.json", 6, 15),
        ]),

        BadInputCase("release with a dev dependency", files: [
            .text("a.kmd.json", #"""
                {
                  "name": "a",
                  "version": "1.0.0",
                  "kurentoVersion": "^1.0.0",
                  "imports": [
                    { "name": "b", "version": "1.1.0-dev" }
                  ]
                }
                """#),
            .text("b.kmd.json", #"""
                {
                  "name": "b",
                  "version": "1.1.0-dev",
                  "kurentoVersion": "^1.0.0"
                }
                """#),
        ], expect: [
            .error(.releaseWithDevDependency, "a.kmd.json", 6, 31),
        ]),

        BadInputCase("conflicting repository values in two files", files: [
            .text("a.kmd.json", #"""
                {
                  "name": "a",
                  "version": "1.0.0",
                  "kurentoVersion": "^1.0.0",
                  "repository": "https://example.org/a.git"
                }
                """#),
            .text("a.parts.kmd.json", #"""
                {
                  "repository": "https://example.org/b.git"
                }
                """#),
        ], expect: [
            .error(.conflictingValues, "a.parts.kmd.json", 2, 17),
        ], check: { run in
            let d = try run.only(.conflictingValues)
            #expect(d.notes.map { run.place($0.location) } == ["a.kmd.json:5:17"])
        }),

        BadInputCase("duplicate import", files: [
            .text("a.kmd.json", #"""
                {
                  "name": "a",
                  "version": "1.0.0",
                  "kurentoVersion": "^1.0.0",
                  "imports": [
                    { "name": "b", "version": "^1.0.0" },
                    { "name": "b", "version": "^1.0.0" }
                  ]
                }
                """#),
            .text("b.kmd.json", #"""
                {
                  "name": "b",
                  "version": "1.0.0",
                  "kurentoVersion": "^1.0.0"
                }
                """#),
        ], expect: [
            .error(.duplicateImport, "a.kmd.json", 7, 15),
        ]),

        BadInputCase("orphan file", files: [
            .text("a.kmd.json", #"{ "name": "a", "version": "1.0.0", "kurentoVersion": "^1.0.0" }"#),
            .text("b.kmd.json", #"{ "name": "b", "version": "1.0.0", "kurentoVersion": "^1.0.0" }"#),
            .text("extra.kmd.json", #"""

                {
                  "complexTypes": [
                    { "name": "Color", "typeFormat": "ENUM", "values": ["RED"] }
                  ]
                }
                """#),
        ], expect: [
            .error(.orphanFile, "extra.kmd.json", 2, 1),
        ]),

        BadInputCase("the same module given twice", files: [
            .text("x/m.kmd.json", #"{ "name": "m", "version": "1.0.0", "kurentoVersion": "^1.0.0" }"#),
            .text("y/m.kmd.json", #"{ "name": "m", "version": "1.1.0", "kurentoVersion": "^1.0.0" }"#),
        ], expect: [
            .error(.duplicateModule, "y/m.kmd.json", 1, 11),
        ], check: { run in
            let d = try run.only(.duplicateModule)
            #expect(d.notes.map { run.place($0.location) } == ["x/m.kmd.json:1:11"])
        }),

        BadInputCase("a dependency found twice on the search path", files: [
            .text("in/m.kmd.json", #"""
                {
                  "name": "m",
                  "version": "1.0.0",
                  "kurentoVersion": "^1.0.0",
                  "imports": [{ "name": "b", "version": "^1.0.0" }]
                }
                """#),
            .text("d1/b.kmd.json", #"{ "name": "b", "version": "1.0.0", "kurentoVersion": "^1.0.0" }"#),
            .text("d2/b.kmd.json", #"{ "name": "b", "version": "1.2.0", "kurentoVersion": "^1.0.0" }"#),
        ], inputs: ["in"], searchPaths: ["d1", "d2"], expect: [
            .warning(.duplicateModule, "d2/b.kmd.json", 1, 11),
        ], check: { run in
            // The first one found on the search path is used.
            #expect(run.result.schema?.modules["m"]?.imports.first?.resolvedVersion == "1.0.0")
        }),

        // MARK: Inputs

        BadInputCase("no kmd file in the input folder", files: [
            .text("README.md", "not a kmd file\n"),
        ], expect: [
            .unlocated(.noInputFiles),
        ]),

        BadInputCase("input path that does not exist", files: [
            .text("m.kmd.json", #"{ "name": "m", "version": "1.0.0", "kurentoVersion": "^1.0.0" }"#),
        ], inputs: ["m.kmd.json", "missing"], expect: [
            .unlocated(.pathNotFound),
        ]),
    ]

    @Test(arguments: cases) func assembly(_ c: BadInputCase) throws {
        try ScratchModules.verify(c)
    }
}
