import Foundation
import KurentoRuntime
import KurentoServer
import Testing

/// Inputs that broke something in the protocol layer (found by Fuzz/ProtocolFuzzer or while writing it), and
/// the fuzzer's seed scripts, replayed through the fuzzer's own checks (ProtocolScript). A new finding: add
/// the crashing input from .build-fuzz/artifacts/protocol/ to `findings` with what it broke.
@Suite struct ProtocolFuzzRegressionTests {
    /// (what broke, the input as the fuzzer gave it: frames one a line)
    static let findings: [(String, String)] = [
        // LeakSanitizer, first minute of fuzzing: every KurentoServerCore leaked its registry, the server manager
        // and whatever objects were left, as the objects' contexts name the registry (a reference cycle).
        ("a server with objects left in it leaks them", """
            {"jsonrpc":"2.0","id":1,"method":"create","params":{"type":"MediaPipeline"}}
            {"jsonrpc":"2.0","id":2,"method":"create","params":{"type":"PassThrough","constructorParams":{"mediaPipeline":"$0"}}}
            """),
        // A CI run's 60 s of fuzzing: raw control characters (U+0001, U+0000) in the value of a repeated key make
        // the frame invalid JSON, so the server rightly answers a parse error with id null; the check read the
        // request's id 56 with JSONDecoder, which never looks into a repeated key's later values, and expected it
        // back. JSON(text:) is now the server's strict parser.
        ("raw control characters in a repeated key's value are a parse error, answered with id null",
         "{\"jsonrpc\":\"2.0\",\"method\":\"invoke\",\"params\":{\"object\":\"1f75e262-1810-9fa8-2c9f102619d3_kurentorEndpoint\",\"operation\":\"connect\",\"operationParams\":{\"sink\":\"1f75e262-1810-4224-b92a-202db9b8ac4c_kurento.MediaPipeline/a2ed6d45-4eba-4fad-bdcc-4bd94114fdcc_kurento.WebRtcEndpoint\"},\"sessionId\":\"56e9ef08-a092b-edd1205d51e3_kurento.PlayerEndpoint\",\"operation\":\"connect\",\"operationParams\":{\"sink\":\"1f75e262-1810-4224-b92a-202db9b8ac4c_kurento.MediaPipeline/a27fe2b6-3bbd-4cbf-8901-d3999f9dad8b_kurento.Composite/7fb63e94\u{01}\u{00}\u{00}\u{00}\u{00}\u{00}\u{00}\u{00}78-9fa8-2c9f102619d3_kurento.HubPort\"},\"sessionId\":\"56e9newref:ef08-a096-4136-8ae1-77bee4d6a447\"},\"id\":56}"),
    ]

    @Test(arguments: findings.indices)
    func finding(_ index: Int) async {
        let (name, input) = Self.findings[index]
        let problem = await ProtocolScript(bytes: Array(input.utf8)).run()
        #expect(problem == nil, "\(name): \(problem ?? "")")
    }

    /// The seed scripts of Fuzz/ProtocolFuzzer/seeds.txt pass the fuzzer's checks.
    @Test func seedScripts() async throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fuzz/ProtocolFuzzer/seeds.txt")
        let lines = try String(contentsOf: url, encoding: .utf8).split(separator: "\n").filter { !$0.hasPrefix("//") }
        #expect(lines.count >= 10)
        for line in lines {
            let problem = await ProtocolScript(bytes: Array(line.replacingOccurrences(of: "\\n", with: "\n").utf8)).run()
            #expect(problem == nil, "\(problem ?? "")\n  script: \(line)")
        }
    }

    /// The leak above, directly: once the server is gone, so are the objects it still held.
    @Test func aServerGoneTakesItsObjectsWithIt() async throws {
        weak var manager: ServerManagerImpl?
        weak var pipeline: AnyObject?
        do {
            let core = KurentoServerCore()
            let session = core.dispatcher.newSession()
            let id = try await core.dispatcher.create(type: "MediaPipeline", constructorParams: nil, session: session)
            manager = core.serverManager
            pipeline = core.dispatcher.registry.object(withID: id) as AnyObject?
            #expect(manager != nil && pipeline != nil)
        }
        #expect(manager == nil, "the server manager outlived its server")
        #expect(pipeline == nil, "a pipeline outlived its server")
    }

    /// The script format: connections, substitutions, skipped lines.
    @Test func scriptFormat() {
        let script = ProtocolScript(bytes: Array("a\n@1 b\n@2 c\n@3 d\n\n@1x".utf8))
        #expect(script.frames.map(\.connection) == [0, 1, 2, 0, 0])
        #expect(script.frames.map(\.text) == ["a", "b", "c", "@3 d", "@1x"])
        #expect(ProtocolScript.substitute(#"{"o":"$1","s":"$s","x":"$$"}"#, ids: ["p", "q"], session: "S")
                == #"{"o":"q","s":"S","x":"$$"}"#)
        #expect(ProtocolScript.substitute("$0", ids: [], session: nil) == "no-object")
    }
}
