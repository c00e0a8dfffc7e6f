import KurentoRuntime
import KurentoServer
import KurentoWebSocket
import ChromaKey

// Serves the platform modules and chromakey on ws://127.0.0.1:<port>/kurento (default port 8888).
let port = CommandLine.arguments.dropFirst().first.flatMap(Int.init) ?? 8888
let core = KurentoServerCore(modules: [ChromakeyModule.implemented])
let server = KurentoWebSocketServer(handler: KurentoProtocolHandler(dispatcher: core.dispatcher),
                                    configuration: .init(port: port))
try await server.run { port in print("chromakey-server listening on ws://127.0.0.1:\(port)/kurento") }
