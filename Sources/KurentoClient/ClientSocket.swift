internal import HummingbirdWSClient
import Logging

/// One WebSocket connection to the server (HummingbirdWSClient): text frames out through a queue, so that
/// they leave in the order they were sent; text frames in, handed over one at a time, in order.
final class ClientSocket: Sendable {
    private let outbox: AsyncStream<String>.Continuation

    private init(outbox: AsyncStream<String>.Continuation) {
        self.outbox = outbox
    }

    /// Opens a connection; returns once the WebSocket handshake is done. `onText` gets every message;
    /// `onClosed` is called once when an opened connection ends, by either side.
    static func open(url: String, maxMessageSize: Int, logger: Logger,
                     onText: @escaping @Sendable (String) async -> Void,
                     onClosed: @escaping @Sendable ((any Error)?) -> Void) async throws -> ClientSocket {
        let (frames, outbox) = AsyncStream<String>.makeStream()
        let opened = OneShot<Void>()
        let configuration = WebSocketClientConfiguration(maxFrameSize: maxMessageSize)
        Task {
            do {
                try await WebSocketClient.connect(url: url, configuration: configuration, logger: logger) { inbound, outbound, _ in
                    opened.succeed(())
                    try await withThrowingTaskGroup(of: Void.self) { group in
                        group.addTask {
                            for await text in frames { try await outbound.writeTextMessage(text) }
                            try await outbound.close(.normalClosure, reason: nil)
                        }
                        for try await message in inbound.messages(maxSize: maxMessageSize) {
                            switch message {
                            case .text(let text): await onText(text)
                            case .binary(let buffer): await onText(String(buffer: buffer))
                            }
                        }
                        outbox.finish()
                        group.cancelAll()
                    }
                }
                outbox.finish()
                // Failing `opened` succeeds only when the connection never opened.
                if !opened.fail(KurentoClientError.closed("the server closed the connection at once")) { onClosed(nil) }
            } catch {
                outbox.finish()
                if !opened.fail(error) { onClosed(error) }
            }
        }
        try await opened.wait()
        return ClientSocket(outbox: outbox)
    }

    /// Queues a text frame; frames sent after the connection closed are dropped.
    func send(_ text: String) { outbox.yield(text) }

    /// Closes the connection (a close frame after the frames already queued).
    func close() { outbox.finish() }
}
