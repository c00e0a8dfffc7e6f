import Dispatch
import Synchronization

/// libFuzzer entry for the protocol layer, built by Fuzz/fuzz.sh with KurentoRuntime, KurentoPlatform,
/// KurentoServer and Tests/KurentoServerTests/Fuzz/ (the input format and the checks, ProtocolScript). The
/// handler is async: each input runs in one task while the fuzzer's thread waits for it.
@_cdecl("LLVMFuzzerTestOneInput")
public func protocolFuzzTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let script = ProtocolScript(bytes: data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? [])
    let outcome = Mutex<String?>(nil)
    let done = DispatchSemaphore(value: 0)
    Task {
        let problem = await script.run()
        outcome.withLock { $0 = problem }
        done.signal()
    }
    done.wait()
    if let problem = outcome.withLock({ $0 }) { fatalError(problem) }
    return 0
}
