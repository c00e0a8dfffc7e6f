import ClassroomLesson
import Foundation
import KurentoClassroomServer
import KurentoClient
import KurentoRuntime
import KurentoServer
import KurentoWebSocket
import Logging

/// A server with the platform modules and (by default) the classroom module on a free loopback port, for one test.
enum ClassroomServer {
    static func run(modules: [any KurentoModule] = [ClassroomPlugin.module],
                    _ body: @Sendable (_ url: String, _ core: KurentoServerCore) async throws -> Void) async throws {
        let core = KurentoServerCore(modules: modules)
        var logger = Logger(label: "kidl.test.classroom")
        logger.logLevel = .critical
        let server = KurentoWebSocketServer(handler: KurentoProtocolHandler(dispatcher: core.dispatcher),
                                            configuration: .init(host: "127.0.0.1", port: 0), logger: logger)
        try await server.serving { port in try await body("ws://127.0.0.1:\(port)/kurento", core) }
    }

    static var clientConfiguration: KurentoClient.Configuration {
        var logger = Logger(label: "kidl.test.classroom.client")
        logger.logLevel = .warning
        return .init(heartbeatInterval: nil, logger: logger)
    }
}

/// The built `kidl-classroom`, next to the test bundle (the build's products folder).
enum ClassroomBinary {
    static let url: URL? = {
        var folders = Bundle.allBundles.filter { $0.bundleURL.pathExtension == "xctest" }.map { $0.bundleURL.deletingLastPathComponent() }
        folders.append(Bundle.main.bundleURL)
        if let argument = CommandLine.arguments.first { folders.append(URL(fileURLWithPath: argument).deletingLastPathComponent()) }
        return folders.map { $0.appendingPathComponent("kidl-classroom") }.first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }()
}
