import ArgumentParser
import Foundation
import KurentoRuntime
import KurentoServer
import KurentoWebSocket
import Logging

/// `kidl-server`: serves the platform modules, plus the modules found on the modules path, over the
/// Kurento protocol. Prints the module load report at start.
@main
struct KidlServer: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kidl-server",
        abstract: "Serve Kurento modules over the Kurento protocol (JSON-RPC 2.0 over WebSocket).",
        discussion: """
            Modules: core, elements and filters are built in; shared libraries with a `kidl_module_entry` are loaded
            from every folder of --modules-path and KURENTO_MODULES_PATH (colon-separated), recursively.

            Examples:
              kidl-server --port 8888
              kidl-server --modules-path /usr/lib/kidl/modules --list
            """)

    @Option(help: "Address to listen on.") var host = "127.0.0.1"
    @Option(help: "Port to listen on (0 picks a free one and prints it).") var port = 8888
    @Option(help: "WebSocket path.") var path = "/kurento"
    @Option(name: .customLong("modules-path"), help: "Colon-separated folders searched for module libraries.")
    var modulesPath: String?
    @Flag(name: [.short, .long], help: "Print every factory name and exit, like Kurento's --list.") var list = false
    @Option(help: "Seconds a session without a connection keeps its objects.") var sessionTimeout = 240
    @Option(help: "Largest message accepted, in bytes.") var maxMessageSize = 1 << 20
    @Option(help: "Log level (trace, debug, info, notice, warning, error, critical).") var logLevel = "info"

    func run() async throws {
        var logger = Logger(label: "kidl-server")
        logger.logLevel = Logger.Level(rawValue: logLevel) ?? .info
        let core = KurentoServerCore(modulesPath: ModuleManager.searchPath(option: modulesPath))
        if list {
            print(core.modules.factoryNames.joined(separator: "\n"))
            return
        }
        FileHandle.standardError.write(Data((core.loadReport.description + "\n").utf8))
        let handler = KurentoProtocolHandler(dispatcher: core.dispatcher)
        let server = KurentoWebSocketServer(
            handler: handler,
            configuration: .init(host: host, port: port, path: path, maxMessageSize: maxMessageSize,
                                 sessionTimeout: .seconds(sessionTimeout)),
            logger: logger)
        try await server.run { port in
            // Scripts and tests read this line to find the port.
            FileHandle.standardOutput.write(Data("kidl-server listening on ws://\(host):\(port)\(path)\n".utf8))
        }
    }
}
