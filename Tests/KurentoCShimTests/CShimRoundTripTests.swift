import Foundation
import KurentoRuntime
import Testing

/// The generated marshalling of the `shapes` fixture (every type shape: primitives, enums, records with
/// inheritance and defaults, a record holding itself, lists, maps, object ids, events), driven through the
/// module boundary by Fixtures/driver.c with Fixtures/shapes_echo.c, whose methods give back what they get.
@Suite(.enabled(if: CToolchain.hasJSONC, "\(CToolchain.missingJSONC)"))
struct CShimRoundTripTests {
    static func driver() throws -> CModuleBuilds.Driver { try CModuleBuilds.shapesDriver.get() }

    /// Creates an Echo, then runs the invocations; one output line per invocation (events included).
    static func invoke(_ calls: [(String, String)]) throws -> [DriverLine] {
        let lines = try driver().run(["create\tEcho\t{}"] + calls.map { "invoke\t\($0.0)\t\($0.1)" })
        #expect(lines.first == "OK 1")
        return lines.dropFirst().map(DriverLine.init)
    }

    static let leaf = #"{"label":"l","color":"RED"}"#
    static let emptyAll = """
        {"flag":true,"small":-5,"big":1,"ratio":0.25,"precise":1,"text":"t","color":"BLUE","leaf":\(leaf),"flags":[],"smalls":[],\
        "bigs":[],"ratios":[],"precises":[],"texts":[],"colors":[],"leaves":[],"flagMap":{},"smallMap":{},"bigMap":{},\
        "ratioMap":{},"preciseMap":{},"textMap":{},"colorMap":{},"leafMap":{}}
        """

    static let fullAll = """
        {"flag":true,"small":-2147483648,"big":-9007199254740993,"ratio":0.25,"precise":1e-300,"text":"h\\u00e9\\"llo\\n/",\
        "color":"BLUE","leaf":{"label":"l","weight":2.5,"color":"RED","note":"n"},"flags":[true,false],"smalls":[1,2147483647],\
        "bigs":[9223372036854775807,-9223372036854775808],"ratios":[0.5,-1],"precises":[1.5,2.0],"texts":["a","b/c",""],\
        "colors":["RED","BLUE"],"leaves":[{"label":"x","color":"GREEN"}],"flagMap":{"a":true},"smallMap":{"a":1,"b":-1},\
        "bigMap":{"a":2},"ratioMap":{"a":0.5},"preciseMap":{"a":0.125},"textMap":{"a":"b","":"empty key"},\
        "colorMap":{"a":"GREEN"},"leafMap":{"a":{"label":"y","color":"BLUE","note":"m"}},"owner":"obj-9","owners":["o1","o2"],\
        "maybe":7,"chain":{"value":1,"next":{"value":2}}}
        """

    /// What the full record comes back as: records typed, defaults filled in.
    static let fullAllEncoded = """
        {"__type__":"All","__module__":"shapes","flag":true,"small":-2147483648,"big":-9007199254740993,"ratio":0.25,\
        "precise":1e-300,"text":"h\\u00e9\\"llo\\n/","color":"BLUE",\
        "leaf":{"__type__":"Leaf","__module__":"shapes","label":"l","weight":2.5,"color":"RED","note":"n"},\
        "flags":[true,false],"smalls":[1,2147483647],"bigs":[9223372036854775807,-9223372036854775808],"ratios":[0.5,-1.0],\
        "precises":[1.5,2.0],"texts":["a","b/c",""],"colors":["RED","BLUE"],\
        "leaves":[{"__type__":"Leaf","__module__":"shapes","label":"x","weight":1.5,"color":"GREEN"}],"flagMap":{"a":true},\
        "smallMap":{"a":1,"b":-1},"bigMap":{"a":2},"ratioMap":{"a":0.5},"preciseMap":{"a":0.125},\
        "textMap":{"a":"b","":"empty key"},"colorMap":{"a":"GREEN"},\
        "leafMap":{"a":{"__type__":"Leaf","__module__":"shapes","label":"y","weight":1.5,"color":"BLUE","note":"m"}},\
        "owner":"obj-9","owners":["o1","o2"],"maybe":7,\
        "chain":{"__type__":"Chain","__module__":"shapes","value":1,"next":{"__type__":"Chain","__module__":"shapes","value":2}}}
        """

    @Test func everyShapeRoundTrips() throws {
        let lines = try Self.invoke([("all", #"{"value":\#(Self.fullAll)}"#)])
        #expect(lines == [.ok(JSON(parsing: Self.fullAllEncoded))])
        // What comes back goes in again unchanged (the type keys are ignored on the way in).
        let again = try Self.invoke([("all", #"{"value":\#(Self.fullAllEncoded)}"#)])
        #expect(again == [.ok(JSON(parsing: Self.fullAllEncoded))])
    }

    @Test func optionalMembersWithoutDefaultStayAbsent() throws {
        let lines = try Self.invoke([("all", #"{"value":\#(Self.emptyAll)}"#)])
        guard case .ok(let result)? = lines.first else { Issue.record("no result: \(lines)"); return }
        let members = result.objectValue ?? [:]
        #expect(members["maybe"] == nil && members["owner"] == nil && members["chain"] == nil)
        #expect(members["owners"] == .array([]), "a default of [] is filled in")
        #expect(result["leaf"]?["weight"] == .double(1.5), "an inherited field's default is filled in")
    }

    @Test func containersAndNesting() throws {
        let lines = try Self.invoke([
            ("chain", #"{"value":{"value":1,"next":{"value":2,"next":{"value":3}}}}"#),
            ("leaves", #"{"value":[{"label":"a","color":"RED"},{"label":"b","weight":2,"color":"GREEN","note":"n"}]}"#),
            ("leafMap", #"{"value":{"k":{"label":"a","color":"RED"}}}"#),
            ("leaves", #"{"value":[]}"#),
        ])
        let chain3 = #"{"__type__":"Chain","__module__":"shapes","value":3}"#
        let chain2 = #"{"__type__":"Chain","__module__":"shapes","value":2,"next":\#(chain3)}"#
        #expect(lines == [
            .ok(JSON(parsing: #"{"__type__":"Chain","__module__":"shapes","value":1,"next":\#(chain2)}"#)),
            .ok(JSON(parsing: #"[{"__type__":"Leaf","__module__":"shapes","label":"a","weight":1.5,"color":"RED"},"# +
                     #"{"__type__":"Leaf","__module__":"shapes","label":"b","weight":2.0,"color":"GREEN","note":"n"}]"#)),
            .ok(JSON(parsing: #"{"k":{"__type__":"Leaf","__module__":"shapes","label":"a","weight":1.5,"color":"RED"}}"#)),
            .ok(JSON(parsing: "[]")),
        ])
    }

    /// Primitives as C receives them: integral doubles are integers, optional params get their defaults,
    /// object ids arrive as given.
    @Test func scalarsReachC() throws {
        let lines = try Self.invoke([
            ("scalars", #"{"b":true,"i":3.0,"l":9007199254740993,"f":0.5,"d":2,"s":"x","o":"obj-1","os":["a","b"]}"#),
            ("scalars", #"{"b":false,"i":-1,"l":-1,"f":1e2,"d":-0.5,"s":"","c":"BLUE"}"#),
        ])
        #expect(lines == [
            .ok(.string("> b=1 i=3 l=9007199254740993 f=0.50 d=2.000 s=x c=GREEN o=obj-1 os=2")),
            .ok(.string("> b=0 i=-1 l=-1 f=100.00 d=-0.500 s= c=BLUE o=- os=0")),
        ])
    }

    /// Malformed params give Kurento's marshalling errors, worded as the Swift glue words them.
    @Test(arguments: [
        ("setColor", #"{"color":"PINK"}"#, 40001, "Invalid value for 'Color'"),
        ("setColor", #"{"color":3}"#, 40001, "'color' parameter should be a string"),
        ("setColor", #"{}"#, 40001, "'color' parameter is required"),
        ("setColor", #"{"color":null}"#, 40001, "'color' parameter is required"),
        ("scalars", #"{"b":1,"i":3,"l":1,"f":0.5,"d":2,"s":"x"}"#, 40001, "'b' parameter should be a boolean"),
        ("scalars", #"{"b":true,"i":2147483648,"l":1,"f":0.5,"d":2,"s":"x"}"#, 40001, "'i' parameter should be an integer"),
        ("scalars", #"{"b":true,"i":1.5,"l":1,"f":0.5,"d":2,"s":"x"}"#, 40001, "'i' parameter should be an integer"),
        ("scalars", #"{"b":true,"i":1,"l":1e30,"f":0.5,"d":2,"s":"x"}"#, 40001, "'l' parameter should be an int64"),
        ("scalars", #"{"b":true,"i":1,"l":18446744073709551615,"f":0.5,"d":2,"s":"x"}"#, 40001, "'l' parameter should be an int64"),
        ("scalars", #"{"b":true,"i":1,"l":1,"f":"x","d":2,"s":"x"}"#, 40001, "'f' parameter should be a double"),
        ("scalars", #"{"b":true,"i":1,"l":1,"f":1,"d":2,"s":7}"#, 40001, "'s' parameter should be a string"),
        ("scalars", #"{"b":true,"i":1,"l":1,"f":1,"d":2,"s":"x","o":"missing-1"}"#, 40101, "Object 'missing-1' not found"),
        ("scalars", #"{"b":true,"i":1,"l":1,"f":1,"d":2,"s":"x","o":"wrong-1"}"#, 40001,
         "'o' parameter should be a MediaObject, but 'wrong-1' is not"),
        ("scalars", #"{"b":true,"i":1,"l":1,"f":1,"d":2,"s":"x","os":["a","wrong-2"]}"#, 40001,
         "element 1 of 'os' parameter should be a MediaObject, but 'wrong-2' is not"),
        ("scalars", #"{"b":true,"i":1,"l":1,"f":1,"d":2,"s":"x","os":["a",7]}"#, 40001, "element 1 of 'os' parameter should be a string"),
        ("scalars", #"{"b":true,"i":1,"l":1,"f":1,"d":2,"s":"x","os":"a"}"#, 40001, "'os' parameter should be a list"),
        ("chain", #"{"value":{"value":1,"next":{"value":"two"}}}"#, 40001, "'value' property should be an integer"),
        ("chain", #"{"value":[]}"#, 40001, "'value' parameter should be an object"),
        ("leaves", #"{"value":[{"label":"a","color":"RED"},{"label":"b"}]}"#, 40001, "'color' property is required"),
        ("leaves", #"{"value":[{"label":"a","color":"RED"},7]}"#, 40001, "element 1 of 'value' parameter should be an object"),
        ("leafMap", #"{"value":{"k":{"label":"a","color":"RED"},"z":[]}}"#, 40001, "entry 'z' of 'value' parameter should be an object"),
        ("leafMap", #"{"value":[]}"#, 40001, "'value' parameter should be a map"),
        ("all", #"{"value":{"flag":true}}"#, 40001, "'small' property is required"),
        ("getCalls", "[]", 40001, "'operationParams' should be an object"),
        ("getCalls", "not json", 40001, "'operationParams' should be an object"),
    ])
    func malformedParams(_ operation: String, _ params: String, _ code: Int, _ message: String) throws {
        let lines = try Self.invoke([(operation, params)])
        #expect(lines == [.error(code: code, message: message)])
    }

    /// Overloads by param count (as the Swift glue dispatches them), unknown operations, module error codes.
    @Test func dispatch() throws {
        let lines = try Self.invoke([
            ("pick", #"{"a":1}"#), ("pick", #"{"a":1,"b":2}"#), ("pick", #"{"a":1,"b":2,"c":3}"#),
            ("getName", "{}"), ("nothing", "{}"), ("getColor", "{}"), ("setColor", #"{"color":"BLUE"}"#), ("getColor", "{}"),
            ("getCalls", "{}"),
        ])
        #expect(lines == [
            .ok(1), .ok(3), .notHandled, .notHandled, .error(code: 49000, message: "nothing to do"),
            .ok("RED"), .ok(.null), .ok("BLUE"), .ok(0),
        ])
    }

    /// An event emitted from C: all properties, inherited first filled in (source, timestamp, tags, type).
    @Test func eventsAreEncoded() throws {
        let lines = try Self.invoke([("emit", #"{"value":\#(Self.emptyAll)}"#)])
        #expect(lines.count == 2)
        guard case .event(let object, let type, let data)? = lines.first else { Issue.record("no event: \(lines)"); return }
        #expect(object == "object-1" && type == "Echoed")
        #expect(data["source"] == "object-1" && data["type"] == "Echoed" && data["tags"] == .array([]))
        #expect(Int64(data["timestampMillis"]?.stringValue ?? "") ?? 0 > 1_600_000_000_000)
        #expect(data["value"]?["__type__"] == "All")
        #expect(lines.last == .ok(.null))
    }
}

/// The C code runs clean under valgrind: no leaks, no invalid reads or writes, over successful calls,
/// every kind of malformed params, events and destruction.
@Suite(.enabled(if: CToolchain.hasJSONC, "\(CToolchain.missingJSONC)"),
       .enabled(if: CToolchain.valgrind != nil, "valgrind is not installed (apt-get install valgrind, or make setup)"))
struct CShimValgrindTests {
    @Test func shapesRunClean() throws {
        var script = ["create\tEcho\t{\"prefix\":\"#\"}"]
        script += ["all", "all"].enumerated().map { i, op in "invoke\t\(op)\t{\"value\":\(i == 0 ? CShimRoundTripTests.fullAll : CShimRoundTripTests.emptyAll)}" }
        script += ["invoke\temit\t{\"value\":\(CShimRoundTripTests.fullAll)}", "invoke\tchain\t{\"value\":{\"value\":1,\"next\":{\"value\":2}}}"]
        // Failures part-way through nested values must free what was decoded so far.
        script += [
            #"invoke\#tall\#t{"value":{"flag":true,"small":1,"big":1,"ratio":1,"precise":1,"text":"t","color":"RED","leaf":{"label":"l","color":"RED"},"flags":[true],"smalls":[1],"bigs":[1],"ratios":[1],"precises":[1],"texts":["a","b"],"colors":["RED"],"leaves":[{"label":"x","color":"GREEN"}],"flagMap":{"a":true},"smallMap":{"a":1},"bigMap":{"a":2},"ratioMap":{"a":0.5},"preciseMap":{"a":0.1},"textMap":{"a":"b"},"colorMap":{"a":"GREEN"},"leafMap":{"a":{"label":"y","color":"PINK"}}}}"#,
            #"invoke\#tchain\#t{"value":{"value":1,"next":{"value":2,"next":{"value":"x"}}}}"#,
            #"invoke\#tleafMap\#t{"value":{"a":{"label":"a","color":"RED"},"b":{"label":7}}}"#,
            #"invoke\#tscalars\#t{"b":true,"i":1,"l":1,"f":1,"d":2,"s":"x","os":["a","wrong-2"]}"#,
            "invoke\tnothing\t{}", "invoke\tgetCalls\tnot json", "destroy",
        ]
        let lines = try CModuleBuilds.shapesDriver.get().runUnderValgrind(script)
        #expect(lines.count == script.count + 1, "one line per command plus the event:\n\(lines.joined(separator: "\n"))")
    }

    @Test func demoRunsClean() throws {
        let lines = try CModuleBuilds.demoDriver.get().runUnderValgrind(CModuleDriverScripts.demo)
        #expect(!lines.contains { $0.hasPrefix("ERR 0") }, "\(lines)")
    }
}
