import Hummingbird
import HummingbirdWebSocket
import Logging

/// A bare WebSocket echo on the same stack as the Kurento transport (Hummingbird WebSocket, same frame-size
/// limit): every text message is sent back as is. The baseline of the benchmark.
struct EchoServer: Sendable {
    let logger: Logger

    func run(onListening: @escaping @Sendable (Int) async -> Void) async throws {
        let router = Router(context: BasicWebSocketRequestContext.self)
        router.ws("/echo") { _, _ in
            .upgrade([:])
        } onUpgrade: { inbound, outbound, _ in
            for try await message in inbound.messages(maxSize: 1 << 20) {
                if case .text(let text) = message { try await outbound.write(.text(text)) }
            }
        }
        let app = Application(
            router: Router(),
            server: .http1WebSocketUpgrade(webSocketRouter: router,
                                           configuration: .init(ws: .init(maxFrameSize: 1 << 20, autoPing: .disabled))),
            configuration: .init(address: .hostname("127.0.0.1", port: 0), serverName: "echo"),
            onServerRunning: { channel in await onListening(channel.localAddress?.port ?? 0) },
            logger: logger)
        try await app.runService(gracefulShutdownSignals: [])
    }
}
