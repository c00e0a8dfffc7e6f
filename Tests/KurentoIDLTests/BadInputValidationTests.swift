import Foundation
import Testing
@testable import KurentoIDL

/// Bad input for type resolution and validation (KIDL400–KIDL425). Every module here is `m`, version 1.0.0,
/// requiring Kurento ^1.0.0, so that core, elements and filters from idl/ are imported implicitly.
@Suite struct BadInputValidationTests {
    static let cases: [BadInputCase] = [
        // MARK: Types and kinds

        BadInputCase("unknown type with a did-you-mean", #"""
            {
              "name": "m",
              "version": "1.0.0",
              "kurentoVersion": "^1.0.0",
              "remoteClasses": [
                {
                  "name": "Thing",
                  "extends": "MediaElement",
                  "constructor": {
                    "params": [
                      { "name": "mediaPipeline", "type": "MediaPipelin" }
                    ]
                  }
                }
              ]
            }
            """#, expect: [
            .error(.unknownType, "m.kmd.json", 11, 46),
        ], check: { run in
            let d = try run.only(.unknownType)
            #expect(d.message.contains("did you mean 'MediaPipeline'"), "\(d.message)")
        }),

        BadInputCase("class extends a record", #"""
            {
              "name": "m",
              "version": "1.0.0",
              "kurentoVersion": "^1.0.0",
              "remoteClasses": [
                { "name": "Thing", "abstract": true, "extends": "Tag" }
              ]
            }
            """#, expect: [
            .error(.wrongKindOfType, "m.kmd.json", 6, 53),
        ]),

        BadInputCase("extends and events naming a primitive or a list", #"""
            {
              "name": "m",
              "version": "1.0.0",
              "kurentoVersion": "^1.0.0",
              "remoteClasses": [
                { "name": "Thing", "abstract": true, "extends": "int" },
                { "name": "Other", "abstract": true, "extends": "MediaObject[]", "events": ["Media<>"] }
              ],
              "events": [
                { "name": "Happened", "extends": "String" }
              ]
            }
            """#, expect: [
            .error(.wrongKindOfType, "m.kmd.json", 6, 53),
            .error(.wrongKindOfType, "m.kmd.json", 7, 53),
            .error(.wrongKindOfType, "m.kmd.json", 7, 81),
            .error(.wrongKindOfType, "m.kmd.json", 10, 38),
        ]),

        BadInputCase("record extends a class", #"""
            {
              "name": "m",
              "version": "1.0.0",
              "kurentoVersion": "^1.0.0",
              "complexTypes": [
                { "name": "Rec", "typeFormat": "REGISTER", "extends": "MediaObject", "properties": [] }
              ]
            }
            """#, expect: [
            .error(.wrongKindOfType, "m.kmd.json", 6, 59),
        ]),

        BadInputCase("event extends a record", #"""
            {
              "name": "m",
              "version": "1.0.0",
              "kurentoVersion": "^1.0.0",
              "events": [
                { "name": "Happened", "extends": "Tag", "properties": [] }
              ]
            }
            """#, expect: [
            .error(.wrongKindOfType, "m.kmd.json", 6, 38),
        ]),

        BadInputCase("param typed as an event", #"""
            {
              "name": "m",
              "version": "1.0.0",
              "kurentoVersion": "^1.0.0",
              "remoteClasses": [
                {
                  "name": "Thing",
                  "abstract": true,
                  "methods": [
                    { "name": "raise", "params": [ { "name": "what", "type": "Media" } ] }
                  ]
                }
              ]
            }
            """#, expect: [
            .error(.wrongKindOfType, "m.kmd.json", 10, 66),
        ]),

        BadInputCase("events list naming a record", #"""
            {
              "name": "m",
              "version": "1.0.0",
              "kurentoVersion": "^1.0.0",
              "remoteClasses": [
                { "name": "Thing", "abstract": true, "events": ["Media", "Tag"] }
              ]
            }
            """#, expect: [
            .error(.wrongKindOfType, "m.kmd.json", 6, 62),
        ]),

        BadInputCase("qualified type of a module that is not imported", #"""
            {
              "name": "m",
              "version": "1.0.0",
              "kurentoVersion": "^1.0.0",
              "remoteClasses": [
                {
                  "name": "Thing",
                  "abstract": true,
                  "properties": [
                    { "name": "other", "type": "moduleX.Type" }
                  ]
                }
              ]
            }
            """#, expect: [
            .error(.moduleNotImported, "m.kmd.json", 10, 36),
        ]),

        BadInputCase("local type shadowing a Kurento type: the local one wins", #"""
            {
              "name": "m",
              "version": "1.0.0",
              "kurentoVersion": "^1.0.0",
              "remoteClasses": [
                {
                  "name": "Thing",
                  "abstract": true,
                  "properties": [
                    { "name": "label", "type": "Tag" }
                  ]
                }
              ],
              "complexTypes": [
                { "name": "Tag", "typeFormat": "REGISTER", "properties": [ { "name": "text", "type": "String" } ] }
              ]
            }
            """#, expect: [
            .warning(.shadowsKurentoType, "m.kmd.json", 15, 15),
        ], check: { run in
            let label = try #require(run.result.schema?.modules["m"]?.remoteClasses.first?.properties.first)
            #expect(label.type.base == .record(QualifiedName(module: "m", name: "Tag")),
                    "unqualified 'Tag' resolves to the local record, not core's: \(label.type)")
        }),

        // MARK: Inheritance

        BadInputCase("class inheritance cycle", #"""
            {
              "name": "m",
              "version": "1.0.0",
              "kurentoVersion": "^1.0.0",
              "remoteClasses": [
                { "name": "A", "abstract": true, "extends": "B" },
                { "name": "B", "abstract": true, "extends": "A" }
              ]
            }
            """#, expect: [
            .error(.inheritanceCycle, "m.kmd.json", 6, 49),
            .error(.inheritanceCycle, "m.kmd.json", 7, 49),
        ]),

        BadInputCase("record inheritance cycle", #"""
            {
              "name": "m",
              "version": "1.0.0",
              "kurentoVersion": "^1.0.0",
              "complexTypes": [
                { "name": "A", "typeFormat": "REGISTER", "extends": "A" }
              ]
            }
            """#, expect: [
            .error(.inheritanceCycle, "m.kmd.json", 6, 57),
        ]),

        BadInputCase("event inheritance cycle", #"""
            {
              "name": "m",
              "version": "1.0.0",
              "kurentoVersion": "^1.0.0",
              "events": [
                { "name": "A", "extends": "C" },
                { "name": "B", "extends": "A" },
                { "name": "C", "extends": "B" }
              ]
            }
            """#, expect: [
            .error(.inheritanceCycle, "m.kmd.json", 6, 31),
            .error(.inheritanceCycle, "m.kmd.json", 7, 31),
            .error(.inheritanceCycle, "m.kmd.json", 8, 31),
        ]),

        BadInputCase("incompatible override", #"""
            {
              "name": "m",
              "version": "1.0.0",
              "kurentoVersion": "^1.0.0",
              "remoteClasses": [
                {
                  "name": "Base",
                  "abstract": true,
                  "methods": [ { "name": "run", "params": [ { "name": "speed", "type": "int" } ] } ]
                },
                {
                  "name": "Derived",
                  "extends": "Base",
                  "abstract": true,
                  "methods": [ { "name": "run", "params": [ { "name": "speed", "type": "String" } ] } ]
                }
              ]
            }
            """#, expect: [
            .error(.incompatibleOverride, "m.kmd.json", 15, 30),
        ]),

        // MARK: Duplicates and collisions

        BadInputCase("duplicate class names", #"""
            {
              "name": "m",
              "version": "1.0.0",
              "kurentoVersion": "^1.0.0",
              "remoteClasses": [
                { "name": "Thing", "abstract": true },
                { "name": "Thing", "abstract": true }
              ]
            }
            """#, expect: [
            .error(.duplicateDeclaration, "m.kmd.json", 7, 15),
        ]),

        BadInputCase("a type and an event with one name", #"""
            {
              "name": "m",
              "version": "1.0.0",
              "kurentoVersion": "^1.0.0",
              "complexTypes": [
                { "name": "Alarm", "typeFormat": "ENUM", "values": ["LOUD"] }
              ],
              "events": [
                { "name": "Alarm", "extends": "Media" }
              ]
            }
            """#, expect: [
            .error(.duplicateDeclaration, "m.kmd.json", 9, 15),
        ]),

        BadInputCase("duplicate method with the same number of params", #"""
            {
              "name": "m",
              "version": "1.0.0",
              "kurentoVersion": "^1.0.0",
              "remoteClasses": [
                {
                  "name": "Thing",
                  "abstract": true,
                  "methods": [
                    { "name": "run", "params": [ { "name": "a", "type": "int" } ] },
                    { "name": "run", "params": [] },
                    { "name": "run", "params": [ { "name": "b", "type": "String" } ] }
                  ]
                }
              ]
            }
            """#, expect: [
            .error(.duplicateMethod, "m.kmd.json", 12, 19),
        ]),

        BadInputCase("duplicate property", #"""
            {
              "name": "m",
              "version": "1.0.0",
              "kurentoVersion": "^1.0.0",
              "remoteClasses": [
                {
                  "name": "Thing",
                  "abstract": true,
                  "properties": [
                    { "name": "size", "type": "int" },
                    { "name": "size", "type": "int" }
                  ]
                }
              ]
            }
            """#, expect: [
            .error(.duplicateProperty, "m.kmd.json", 11, 19),
        ]),

        BadInputCase("property redeclaring an inherited one", #"""
            {
              "name": "m",
              "version": "1.0.0",
              "kurentoVersion": "^1.0.0",
              "remoteClasses": [
                {
                  "name": "Thing",
                  "extends": "MediaObject",
                  "abstract": true,
                  "properties": [
                    { "name": "name", "type": "String" }
                  ]
                }
              ]
            }
            """#, expect: [
            .error(.duplicateProperty, "m.kmd.json", 11, 19),
        ]),

        BadInputCase("duplicate param", #"""
            {
              "name": "m",
              "version": "1.0.0",
              "kurentoVersion": "^1.0.0",
              "remoteClasses": [
                {
                  "name": "Thing",
                  "abstract": true,
                  "methods": [
                    {
                      "name": "move",
                      "params": [
                        { "name": "x", "type": "int" },
                        { "name": "x", "type": "int" }
                      ]
                    }
                  ]
                }
              ]
            }
            """#, expect: [
            .error(.duplicateParam, "m.kmd.json", 14, 23),
        ]),

        BadInputCase("duplicate enum value", #"""
            {
              "name": "m",
              "version": "1.0.0",
              "kurentoVersion": "^1.0.0",
              "complexTypes": [
                { "name": "Color", "typeFormat": "ENUM", "values": ["RED", "GREEN", "RED"] }
              ]
            }
            """#, expect: [
            .error(.duplicateEnumValue, "m.kmd.json", 6, 73),
        ]),

        BadInputCase("classes FooBar and foobar collide", #"""
            {
              "name": "m",
              "version": "1.0.0",
              "kurentoVersion": "^1.0.0",
              "remoteClasses": [
                { "name": "FooBar", "abstract": true },
                { "name": "foobar", "abstract": true }
              ]
            }
            """#, expect: [
            .error(.caseCollision, "m.kmd.json", 7, 15),
        ]),

        BadInputCase("enum values A_B and AB collide", #"""
            {
              "name": "m",
              "version": "1.0.0",
              "kurentoVersion": "^1.0.0",
              "complexTypes": [
                { "name": "Letters", "typeFormat": "ENUM", "values": ["A_B", "AB"] }
              ]
            }
            """#, expect: [
            .error(.caseCollision, "m.kmd.json", 6, 66),
        ]),

        BadInputCase("method getFoo collides with property foo", #"""
            {
              "name": "m",
              "version": "1.0.0",
              "kurentoVersion": "^1.0.0",
              "remoteClasses": [
                {
                  "name": "Thing",
                  "abstract": true,
                  "properties": [ { "name": "foo", "type": "int", "readOnly": true } ],
                  "methods": [ { "name": "getFoo", "params": [], "return": { "type": "int" } } ]
                }
              ]
            }
            """#, expect: [
            .error(.accessorCollision, "m.kmd.json", 10, 30),
        ]),

        // MARK: Constructors, params and defaults

        BadInputCase("concrete class without constructor", #"""
            {
              "name": "m",
              "version": "1.0.0",
              "kurentoVersion": "^1.0.0",
              "remoteClasses": [
                { "name": "Thing", "extends": "MediaElement" }
              ]
            }
            """#, expect: [
            .error(.concreteClassWithoutConstructor, "m.kmd.json", 6, 15),
        ]),

        BadInputCase("abstract class with constructor", #"""
            {
              "name": "m",
              "version": "1.0.0",
              "kurentoVersion": "^1.0.0",
              "remoteClasses": [
                {
                  "name": "Thing",
                  "abstract": true,
                  "constructor": { "params": [] }
                }
              ]
            }
            """#, expect: [
            .error(.abstractClassWithConstructor, "m.kmd.json", 9, 7),
        ]),

        BadInputCase("required param after an optional one", #"""
            {
              "name": "m",
              "version": "1.0.0",
              "kurentoVersion": "^1.0.0",
              "remoteClasses": [
                {
                  "name": "Thing",
                  "abstract": true,
                  "methods": [
                    {
                      "name": "move",
                      "params": [
                        { "name": "x", "type": "int", "optional": true },
                        { "name": "y", "type": "int" }
                      ]
                    }
                  ]
                }
              ]
            }
            """#, expect: [
            .error(.requiredAfterOptional, "m.kmd.json", 14, 23),
        ]),

        BadInputCase("optional constructor param without default", #"""
            {
              "name": "m",
              "version": "1.0.0",
              "kurentoVersion": "^1.0.0",
              "remoteClasses": [
                {
                  "name": "Thing",
                  "extends": "MediaElement",
                  "constructor": {
                    "params": [
                      { "name": "mediaPipeline", "type": "MediaPipeline" },
                      { "name": "level", "type": "int", "optional": true }
                    ]
                  }
                }
              ]
            }
            """#, expect: [
            .error(.optionalConstructorParamWithoutDefault, "m.kmd.json", 12, 21),
        ]),

        BadInputCase("default on a required param is ignored", #"""
            {
              "name": "m",
              "version": "1.0.0",
              "kurentoVersion": "^1.0.0",
              "remoteClasses": [
                {
                  "name": "Thing",
                  "abstract": true,
                  "methods": [
                    { "name": "wait", "params": [ { "name": "millis", "type": "int", "defaultValue": 100 } ] }
                  ]
                }
              ]
            }
            """#, expect: [
            .warning(.defaultOnRequired, "m.kmd.json", 10, 90),
        ]),

        BadInputCase("defaults of the wrong type", #"""
            {
              "name": "m",
              "version": "1.0.0",
              "kurentoVersion": "^1.0.0",
              "remoteClasses": [
                {
                  "name": "Thing",
                  "abstract": true,
                  "methods": [
                    {
                      "name": "configure",
                      "params": [
                        { "name": "count", "type": "int", "optional": true, "defaultValue": 3000000000 },
                        { "name": "enabled", "type": "boolean", "optional": true, "defaultValue": "yes" },
                        { "name": "tag", "type": "Tag", "optional": true, "defaultValue": { "key": "k" } },
                        { "name": "ratio", "type": "float", "optional": true, "defaultValue": 0.5 }
                      ]
                    }
                  ]
                }
              ]
            }
            """#, expect: [
            .error(.defaultValueTypeMismatch, "m.kmd.json", 13, 81),
            .error(.defaultValueTypeMismatch, "m.kmd.json", 14, 87),
            .error(.defaultValueTypeMismatch, "m.kmd.json", 15, 79),
        ], check: { run in
            let messages = run.relevant.map(\.message)
            #expect(messages.contains { $0.contains("fits int") }, "\(messages)")
            #expect(messages.contains { $0.contains("the string \"yes\"") && $0.contains("a boolean") }, "\(messages)")
            #expect(messages.contains { $0.contains("lacks the required field 'value'") }, "\(messages)")
        }),

        BadInputCase("enum default that is not a value", #"""
            {
              "name": "m",
              "version": "1.0.0",
              "kurentoVersion": "^1.0.0",
              "remoteClasses": [
                {
                  "name": "Thing",
                  "abstract": true,
                  "methods": [
                    { "name": "show", "params": [ { "name": "media", "type": "MediaType", "optional": true, "defaultValue": "VIDEOS" } ] }
                  ]
                }
              ]
            }
            """#, expect: [
            .error(.invalidEnumDefault, "m.kmd.json", 10, 113),
        ], check: { run in
            let d = try run.only(.invalidEnumDefault)
            #expect(d.message.contains("did you mean \"VIDEO\""))
        }),

        // MARK: Complex types

        BadInputCase("missing typeFormat", #"""
            {
              "name": "m",
              "version": "1.0.0",
              "kurentoVersion": "^1.0.0",
              "complexTypes": [
                { "name": "Point", "properties": [ { "name": "x", "type": "int" } ] }
              ]
            }
            """#, expect: [
            .error(.missingTypeFormat, "m.kmd.json", 6, 15),
        ]),

        BadInputCase("unknown typeFormat", #"""
            {
              "name": "m",
              "version": "1.0.0",
              "kurentoVersion": "^1.0.0",
              "complexTypes": [
                { "name": "Point", "typeFormat": "RECORD", "properties": [ { "name": "x", "type": "int" } ] }
              ]
            }
            """#, expect: [
            .error(.unknownTypeFormat, "m.kmd.json", 6, 38),
        ]),

        BadInputCase("ENUM with properties, REGISTER with values, ENUM that extends", #"""
            {
              "name": "m",
              "version": "1.0.0",
              "kurentoVersion": "^1.0.0",
              "complexTypes": [
                {
                  "name": "Color",
                  "typeFormat": "ENUM",
                  "values": ["RED"],
                  "properties": [ { "name": "alpha", "type": "int" } ]
                },
                { "name": "Point", "typeFormat": "REGISTER", "values": ["X"] },
                { "name": "Shade", "typeFormat": "ENUM", "values": ["DARK"], "extends": "Color" }
              ]
            }
            """#, expect: [
            .error(.enumShape, "m.kmd.json", 10, 33),
            .error(.enumShape, "m.kmd.json", 12, 61),
            .error(.enumShape, "m.kmd.json", 13, 77),
        ]),

        BadInputCase("empty enum", #"""
            {
              "name": "m",
              "version": "1.0.0",
              "kurentoVersion": "^1.0.0",
              "complexTypes": [
                { "name": "Nothing", "typeFormat": "ENUM", "values": [] }
              ]
            }
            """#, expect: [
            .error(.emptyEnum, "m.kmd.json", 6, 15),
        ]),

        // MARK: Names

        BadInputCase("invalid identifiers", #"""
            {
              "name": "m",
              "version": "1.0.0",
              "kurentoVersion": "^1.0.0",
              "remoteClasses": [
                {
                  "name": "../x",
                  "abstract": true,
                  "properties": [ { "name": "a b", "type": "int" } ],
                  "methods": [
                    { "name": "9lives", "params": [ { "name": "", "type": "int" } ] }
                  ]
                }
              ]
            }
            """#, expect: [
            .error(.invalidIdentifier, "m.kmd.json", 7, 15),
            .error(.invalidIdentifier, "m.kmd.json", 9, 33),
            .error(.invalidIdentifier, "m.kmd.json", 11, 19),
            .error(.invalidIdentifier, "m.kmd.json", 11, 51),
        ]),

        BadInputCase("invalid module name", #"""
            {
              "name": "my-module",
              "version": "1.0.0",
              "kurentoVersion": "^1.0.0"
            }
            """#, expect: [
            .error(.invalidIdentifier, "m.kmd.json", 2, 11),
        ]),

        BadInputCase("class named int", #"""
            {
              "name": "m",
              "version": "1.0.0",
              "kurentoVersion": "^1.0.0",
              "remoteClasses": [
                { "name": "int", "abstract": true }
              ]
            }
            """#, expect: [
            .error(.shadowsPrimitive, "m.kmd.json", 6, 15),
        ]),
    ]

    @Test(arguments: cases) func validation(_ c: BadInputCase) throws {
        try ScratchModules.verify(c)
    }
}
