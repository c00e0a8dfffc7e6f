import Foundation
import KurentoRuntime
import Testing

/// `kidl-server` as users run it: listening line, load report, serving over a real socket, stopping on a signal,
/// `--list`.
@Suite(.enabled(if: KidlServerBinary.url != nil, KidlServerBinary.missingMessage))
struct ServerExecutableTests {
    static let factories = ["Composite", "GStreamerFilter", "HubPort", "MediaPipeline", "PassThrough", "PlayerEndpoint", "RecorderEndpoint"]

    /// Starts `kidl-server --port 0` and returns it with the port of its listening line.
    private func start(_ extra: [String] = []) async throws -> (ServerProcess, Int) {
        let server = try ServerProcess(arguments: ["--port", "0"] + extra)
        let prefix = "kidl-server listening on ws://127.0.0.1:"
        let line = try #require(try await server.line { $0.hasPrefix(prefix) },
                                "no listening line; stdout: \(server.stdout), stderr: \(server.stderr)")
        let rest = line.dropFirst(prefix.count)
        #expect(rest.hasSuffix("/kurento"), "\(line)")
        let port = try #require(Int(rest.prefix { $0.isNumber }), "\(line)")
        #expect(port > 0)
        return (server, port)
    }

    @Test func startServeAndStopOnSIGTERM() async throws {
        let (server, port) = try await start()
        // The load report on stderr: one line per module, the three platform modules loaded.
        for (module, factories) in [("core", "HubPort, MediaPipeline, PassThrough"), ("elements", "Composite, PlayerEndpoint, RecorderEndpoint"),
                                    ("filters", "GStreamerFilter")] {
            #expect(server.stderr.contains("loaded  \(module) 1.0.0 from linked in: \(factories)"), "stderr: \(server.stderr)")
        }
        #expect(!server.stderr.contains { $0.hasPrefix("skipped") }, "stderr: \(server.stderr)")

        let client = try await WireClient.connect(port: port)
        let pong = try await client.call(raw: #"{"jsonrpc":"2.0","method":"ping","params":{"interval":5000},"id":0}"#, id: 0)
        #expect(expectValue(pong, id: 0, session: .absent) == "pong")
        let created = try await client.call(raw: #"{"jsonrpc":"2.0","method":"create","params":{"type":"MediaPipeline","properties":{}},"id":1}"#, id: 1)
        let pipeline = expectValue(created, id: 1)
        expectObjectID(pipeline, type: "MediaPipeline")
        let session = try #require(created["result"]?["sessionId"]?.stringValue)
        let info = try await client.call(
            raw: #"{"jsonrpc":"2.0","method":"invoke","params":{"object":"manager_ServerManager","operation":"getInfo","sessionId":"\#(session)"},"id":2}"#, id: 2)
        let names = (expectValue(info, id: 2, session: .equal(session))["modules"]?.arrayValue ?? []).compactMap { $0["name"]?.stringValue }
        #expect(Set(names).isSuperset(of: ["core", "elements", "filters"]), "\(names)")
        await client.close()

        let status = try await server.stop(signal: SIGTERM)
        #expect(status != nil, "kidl-server did not exit within 15 s of SIGTERM")
        #expect(status == 0, "exit status \(status.map(String.init) ?? "none"); stderr: \(server.stderr.suffix(5))")
    }

    /// Stopping with clients still connected: the open connections do not keep the server alive.
    @Test func stopsOnSIGINTWithAClientConnected() async throws {
        let (server, port) = try await start()
        let client = try await WireClient.connect(port: port)
        expectValue(try await client.call(raw: #"{"jsonrpc":"2.0","method":"create","params":{"type":"MediaPipeline"},"id":1}"#, id: 1), id: 1)
        let status = try await server.stop(signal: SIGINT)
        #expect(status != nil, "kidl-server did not exit within 15 s of SIGINT with a client connected")
        #expect(await client.waitUntilClosed(), "the client's connection ends with the server")
        await client.close()
    }

    @Test func listPrintsFactoryNamesPlainAndQualified() async throws {
        let server = try ServerProcess(arguments: ["--list"])
        let status = try await server.waitForExit()
        #expect(status == 0)
        let lines = server.stdout
        for name in Self.factories {
            #expect(lines.contains(name), "--list prints \(name): \(lines)")
            #expect(lines.contains("kurento.\(name)"), "--list prints kurento.\(name): \(lines)")
        }
        #expect(!lines.contains { $0.contains("listening") }, "--list does not start the server")
    }

    /// A modules path without modules: the platform modules are still served.
    @Test func anEmptyModulesPath() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kidl-empty-modules-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let (server, port) = try await start(["--modules-path", folder.path])
        #expect(server.stderr.contains { $0.hasPrefix("loaded  core ") })
        let client = try await WireClient.connect(port: port)
        expectObjectID(expectValue(try await client.call(raw: #"{"jsonrpc":"2.0","method":"create","params":{"type":"kurento.MediaPipeline"},"id":1}"#, id: 1),
                                   id: 1), type: "MediaPipeline")
        await client.close()
        _ = try await server.stop()
    }
}
