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
