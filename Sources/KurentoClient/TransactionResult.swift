import Synchronization

/// The outcome of one operation of a transaction, known after the commit.
public final class TransactionResult<Value: Sendable>: Sendable {
    /// The operation's position in the transaction.
    public let index: Int
    private let outcome = Mutex<Result<Value, any Error>?>(nil)

    init(index: Int) {
        self.index = index
    }

    /// `newref:<index>`: how later operations of the transaction refer to the object this one creates.
    public var newRef: String { KurentoTransaction.newRef(index) }

    func set(_ result: Result<Value, any Error>) { outcome.withLock { $0 = result } }

    /// The operation's value; throws its error, or `transactionState` before the commit.
    public func get() throws -> Value {
        guard let result = outcome.withLock({ $0 }) else {
            throw KurentoClientError(.transactionState, "the transaction of operation \(index) is not committed")
        }
        return try result.get()
    }
}
