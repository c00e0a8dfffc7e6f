import Foundation
import Synchronization

/// One client connection as the protocol handler sees it: the session it uses (remembered from results and
/// injected into requests that lack one) and a way to send it text.
public final class RPCConnection: Sendable {
    public let id = UUID()
    private let session = Mutex<String?>(nil)
    private let sender: @Sendable (String) -> Void

    /// `send` queues a text frame for the client; it must not block.
    public init(send: @escaping @Sendable (String) -> Void) {
        self.sender = send
    }

    public var sessionID: String? { session.withLock { $0 } }
    func remember(session id: String) { session.withLock { $0 = id } }

    public func send(_ text: String) { sender(text) }
}
