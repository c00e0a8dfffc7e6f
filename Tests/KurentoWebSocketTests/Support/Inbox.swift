import Foundation
import Synchronization

/// What a test client received, in order: messages, then the end of the connection. One reader at a time
/// waits with a timeout, so that a server that stays silent fails a test instead of hanging it.
final class Inbox: Sendable {
    enum Item: Sendable, Equatable {
        case text(String)
        case binary([UInt8])
        /// The connection ended (closed by either side, or failed).
        case closed
        /// Nothing arrived in time.
        case timedOut
    }

    private struct Waiter {
        var token: UInt64
        var continuation: CheckedContinuation<Item, Never>
        var timer: Task<Void, Never>?
    }

    private struct State {
        var queue: [Item] = []
        var finished = false
        var waiter: Waiter?
        var nextToken: UInt64 = 0
    }

    private let state = Mutex(State())

    func push(_ item: Item) {
        let waiter: Waiter? = state.withLock { s in
            guard !s.finished else { return nil }
            if let w = s.waiter {
                s.waiter = nil
                return w
            }
            s.queue.append(item)
            return nil
        }
        waiter?.timer?.cancel()
        waiter?.continuation.resume(returning: item)
    }

    /// No more items: the reader then gets `.closed`.
    func finish() {
        let waiter: Waiter? = state.withLock { s in
            s.finished = true
            defer { s.waiter = nil }
            return s.waiter
        }
        waiter?.timer?.cancel()
        waiter?.continuation.resume(returning: .closed)
    }

    /// The next item, `.closed` after the end, `.timedOut` when nothing came within `timeout`.
    func next(timeout: Duration) async -> Item {
        await withCheckedContinuation { continuation in
            let token: UInt64? = state.withLock { s in
                if !s.queue.isEmpty { return nil }
                if s.finished { return nil }
                s.nextToken += 1
                s.waiter = Waiter(token: s.nextToken, continuation: continuation)
                return s.nextToken
            }
            guard let token else {
                let item = state.withLock { s in s.queue.isEmpty ? Item.closed : s.queue.removeFirst() }
                continuation.resume(returning: item)
                return
            }
            let timer = Task { [weak self] in
                try? await Task.sleep(for: timeout)
                if !Task.isCancelled { self?.expire(token) }
            }
            state.withLock { s in if s.waiter?.token == token { s.waiter?.timer = timer } }
        }
    }

    private func expire(_ token: UInt64) {
        let waiter: Waiter? = state.withLock { s in
            guard s.waiter?.token == token else { return nil }
            defer { s.waiter = nil }
            return s.waiter
        }
        waiter?.continuation.resume(returning: .timedOut)
    }
}
