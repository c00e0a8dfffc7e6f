import KurentoRuntime
import Synchronization

/// Operations recorded now and sent together as one `transaction` request (reference §6.6) on `commit()`.
/// Objects created in it are referred to as `newref:<n>` by later operations; after the commit their
/// proxies hold their real ids and each operation's `TransactionResult` its outcome.
///
/// ```swift
/// let tx = client.beginTransaction()
/// let pipeline = MediaPipeline.create(tx)
/// let a = PassThrough.create(tx, mediaPipeline: pipeline)
/// a.setName(tx, "a")
/// try await tx.commit()
/// ```
public final class KurentoTransaction: Sendable {
    public let client: KurentoClient

    private struct Operation {
        let request: JSON
        let complete: @Sendable (Result<JSON, any Error>) async -> Void
    }

    private struct State {
        var operations: [Operation] = []
        var committed = false
    }

    private let state = Mutex(State())

    init(client: KurentoClient) {
        self.client = client
    }

    /// `newref:<n>`: the object operation `n` creates.
    public static func newRef(_ index: Int) -> String { "newref:\(index)" }

    /// How many operations are recorded.
    public var count: Int { state.withLock { $0.operations.count } }

    /// Records one operation (`create`, `invoke`, `release` …); `decode` turns its result's `value` into the
    /// operation's result after the commit. The operation carries no `sessionId`: the server applies the
    /// transaction's.
    public func add<Value: Sendable>(_ method: String, _ params: [String: JSON],
                                     decode: @escaping @Sendable (JSON) async throws -> Value) -> TransactionResult<Value> {
        state.withLock { state in
            let index = state.operations.count
            let result = TransactionResult<Value>(index: index)
            let request: JSON = ["jsonrpc": "2.0", "id": .int(Int64(index)), "method": .string(method), "params": .object(params)]
            state.operations.append(Operation(request: request) { outcome in
                switch outcome {
                case .success(let value):
                    do { result.set(.success(try await decode(value))) } catch { result.set(.failure(error)) }
                case .failure(let error):
                    result.set(.failure(error))
                }
            })
            return result
        }
    }

    /// Sends the operations. Each `TransactionResult` gets its outcome; operations after a failing one are not
    /// executed (`KurentoClientError.notExecuted`). Throws the first operation's error, if one failed.
    public func commit() async throws {
        let operations: [Operation] = try state.withLock { state in
            guard !state.committed else { throw KurentoClientError(.transactionState, "the transaction was committed already") }
            state.committed = true
            return state.operations
        }
        let result = try await client.request("transaction", ["operations": .array(operations.map(\.request))])
        guard case .array(let responses)? = result["value"] else {
            throw KurentoClientError(.invalidResponse, "the result of 'transaction' has no list of responses: \(result.text)")
        }
        var firstError: (any Error)?
        for (index, operation) in operations.enumerated() {
            let outcome: Result<JSON, any Error>
            if index < responses.count {
                if let error = responses[index]["error"] {
                    outcome = .failure(ResponseMessage.error(error))
                } else {
                    outcome = .success(responses[index]["result"]?["value"] ?? .null)
                }
            } else {
                outcome = .failure(KurentoClientError(.notExecuted, "Command not executed in the server"))
            }
            if case .failure(let error) = outcome, firstError == nil { firstError = error }
            await operation.complete(outcome)
        }
        if let firstError { throw firstError }
    }
}

extension KurentoClient {
    /// A new transaction of this client's session.
    public nonisolated func beginTransaction() -> KurentoTransaction {
        KurentoTransaction(client: self)
    }
}
