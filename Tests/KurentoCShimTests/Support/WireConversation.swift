import Foundation
import HummingbirdWSClient
import KurentoRuntime
import KurentoServer
import KurentoWebSocket
import Logging

/// One WebSocket connection to a server, driven request by request: `call` sends a JSON-RPC request and
/// waits for its response; `onEvent` notifications that arrive meanwhile are kept.
final class WireConversation {
    private var messages: WebSocketInboundMessageStream.AsyncIterator
    private let outbound: WebSocketOutboundWriter
    private var nextID = 0
    private(set) var notifications: [JSON] = []

    init(inbound: WebSocketInboundStream, outbound: WebSocketOutboundWriter) {
        self.messages = inbound.messages(maxSize: .max).makeAsyncIterator()
        self.outbound = outbound
    }

    /// The response to a request (`result` or `error` inside).
    func call(_ method: String, _ params: JSON) async throws -> JSON {
        nextID += 1
        let id = nextID
        let request: JSON = ["jsonrpc": "2.0", "id": .int(Int64(id)), "method": .string(method), "params": params]
        try await outbound.write(.text(request.text))
        while let message = try await messages.next() {
            guard case .text(let text) = message, let json = JSON(text: text) else { continue }
            if json["id"] == .int(Int64(id)) { return json }
            if json["method"] == "onEvent" { notifications.append(json) }
        }
        throw CToolchain.Failure(description: "the connection closed before the response to \(method)")
    }

    /// The `result` of a call, or a failure with its error.
    func result(_ method: String, _ params: JSON) async throws -> JSON {
        let response = try await call(method, params)
        guard let result = response["result"] else { throw CToolchain.Failure(description: "\(method) failed: \(response.text)") }
        return result
    }

    /// Waits until an `onEvent` notification has arrived (reading with a request that answers at once).
    func notification(timeout: Duration = .seconds(5)) async throws -> JSON? {
        let deadline = ContinuousClock.now + timeout
        while notifications.isEmpty, ContinuousClock.now < deadline {
            _ = try await call("ping", [:])
        }
        return notifications.isEmpty ? nil : notifications.removeFirst()
    }

    /// Runs `body` with a conversation with a WebSocket server serving `core` on a free loopback port.
    static func run(core: KurentoServerCore, _ body: @escaping @Sendable (WireConversation) async throws -> Void) async throws {
        let handler = KurentoProtocolHandler(dispatcher: core.dispatcher)
        var logger = Logger(label: "kidl.test.cshim")
        logger.logLevel = .critical
        let server = KurentoWebSocketServer(handler: handler, configuration: .init(host: "127.0.0.1", port: 0), logger: logger)
        _ = try await server.serving { port in
            try await WebSocketClient.connect(url: "ws://127.0.0.1:\(port)/kurento", configuration: .init(maxFrameSize: 1 << 22),
                                              logger: logger) { inbound, outbound, _ in
                try await body(WireConversation(inbound: inbound, outbound: outbound))
                try await outbound.close(.normalClosure, reason: nil)
            }
        }
    }
}
