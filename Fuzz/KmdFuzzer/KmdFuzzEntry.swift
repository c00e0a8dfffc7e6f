/// libFuzzer entry for the kmd front end, compiled into the KurentoIDL module by Fuzz/fuzz.sh together with
/// Tests/KurentoIDLTests/Fuzz/ (the input format, KmdFuzzInput, and the checks, KmdFuzzOracle).
@_cdecl("LLVMFuzzerTestOneInput")
public func kmdFuzzTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    if let failure = KmdFuzzOracle.check(KmdFuzzInput.files(from: bytes)) { fatalError(failure) }
    return 0
}

/// Reads the platform modules before the first input. LeakSanitizer does not follow Swift's tagged pointers
/// (enum payloads, strings), so what a global holds would look leaked at exit: it is read with LSan paused.
@_cdecl("LLVMFuzzerInitialize")
public func kmdFuzzInitialize(_ argc: UnsafeMutablePointer<CInt>?,
                              _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>?) -> CInt {
    lsanDisable()
    _ = KmdFuzzOracle.platform
    _ = KmdFuzzOracle.prepared
    _ = KmdFuzzOracle.platformFiles
    lsanEnable()
    return 0
}

@_silgen_name("__lsan_disable") func lsanDisable()
@_silgen_name("__lsan_enable") func lsanEnable()
