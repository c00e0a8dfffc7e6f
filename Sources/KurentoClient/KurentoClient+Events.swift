import Foundation
import KurentoRuntime

/// Subscriptions and the delivery of `onEvent` notifications.
extension KurentoClient {
    /// `subscribe`: the events of `type` (`ElementConnected`) raised by `object`, as the `data` of each
    /// `onEvent`. The stream is registered before the request goes out, so no event that follows the
    /// answer is missed. Ending the stream (`cancel()`, or dropping its iterator) sends `unsubscribe`.
    public func subscribe(_ object: String, _ type: String) async throws -> EventSubscription {
        let (stream, continuation) = AsyncThrowingStream<JSON, any Error>.makeStream()
        let key = subscriptions.add(.init(object: object, type: type, serverID: nil, continuation: continuation))
        continuation.onTermination = { [weak self] _ in
            Task { await self?.subscriptionEnded(key) }
        }
        do {
            let result = try await call("subscribe", ["object": .string(object), "type": .string(type)])
            guard case .string(let id)? = result["value"] else {
                throw KurentoClientError(.invalidResponse, "the result of 'subscribe' has no subscription id: \(result.text)")
            }
            subscriptions.setServerID(id, for: key)
            return EventSubscription(client: self, key: key, object: object, type: type, id: id, stream: stream)
        } catch {
            _ = subscriptions.remove(key)
            continuation.finish(throwing: error)
            throw error
        }
    }

    /// Ends a subscription: its stream finishes and the server is told (`unsubscribe`).
    public func unsubscribe(_ subscription: EventSubscription) async throws {
        guard let entry = subscriptions.remove(subscription.key) else { return }
        entry.continuation.finish()
        if let id = entry.serverID, phase != .closed {
            _ = try await call("unsubscribe", ["object": .string(entry.object), "subscription": .string(id)])
        }
    }

    /// A stream's consumer went away: unsubscribe, without waiting for the answer.
    private func subscriptionEnded(_ key: UUID) {
        guard let entry = subscriptions.remove(key), let id = entry.serverID, phase != .closed else { return }
        post("unsubscribe", ["object": .string(entry.object), "subscription": .string(id)])
    }

    /// `onEvent` `{"value": {"object", "type", "data"}}` to the streams of that object and type.
    func deliverEvent(_ value: JSON) {
        guard case .string(let object)? = value["object"], case .string(let type)? = value["type"] else {
            configuration.logger.warning("ignored an onEvent without object or type: \(value.text.prefix(200))")
            return
        }
        let data = value["data"] ?? .object([:])
        for entry in subscriptions.matching(object: object, type: type) { entry.continuation.yield(data) }
    }

    /// How many event streams are open (for tests and diagnostics).
    public var subscriptionCount: Int { subscriptions.count }
}
