import Testing
@testable import KurentoIDL

/// Inputs that broke something in the kmd front end (found by Fuzz/KmdFuzzer or while writing it), replayed
/// through the fuzzer's own checks (KmdFuzzOracle). A new finding: add the crashing input from
/// .build-fuzz/artifacts/kmd/ to `findings` (bytes, or text when it is UTF-8) with what it broke.
@Suite struct FuzzRegressionTests {
    /// (what broke, the input as the fuzzer gave it)
    static let findings: [(String, [UInt8])] = [
        // None of the kmd fuzzer's runs so far found a crash, hang, leak or oracle failure. These inputs
        // exercise the paths its checks stand on: several files, a clean module read back from its dump.
        ("two files of one module, the second one's name cleaned", Array("""
            {"name": "m", "version": "1.0.0", "kurentoVersion": "^1.0.0"}
            %%% m.Extra.kmd.json
            {"remoteClasses": [{"name": "A", "extends": "MediaElement", "constructor": {"params": []}}]}
            """.utf8)),
        ("a clean module with every kind of declaration", Array("""
            {"name": "clean", "version": "1.0.0", "kurentoVersion": "^1.0.0",
             "remoteClasses": [{"name": "A", "extends": "MediaElement", "constructor": {"params": [
                {"name": "mediaPipeline", "type": "MediaPipeline"}, {"name": "n", "type": "int", "optional": true, "defaultValue": 3}]},
                "properties": [{"name": "size", "type": "Size[]"}], "events": ["Grown"],
                "methods": [{"name": "grow", "params": [{"name": "by", "type": "Mode<>"}], "return": {"type": "int64"}}]}],
             "complexTypes": [{"name": "Size", "typeFormat": "REGISTER", "properties": [{"name": "w", "type": "double"}]},
                              {"name": "Mode", "typeFormat": "ENUM", "values": ["FAST", "SLOW"]}],
             "events": [{"name": "Grown", "extends": "Media", "properties": [{"name": "size", "type": "Size"}]}]}
            """.utf8)),
        ("invalid UTF-8 and a NUL in a second file", Array("{\"name\": \"m\"}\n%%% a\n".utf8) + [0xC3, 0x28, 0x00, 0xFF]),
    ]

    @Test(arguments: findings.indices)
    func finding(_ index: Int) {
        let (name, bytes) = Self.findings[index]
        let problem = KmdFuzzOracle.check(KmdFuzzInput.files(from: bytes))
        #expect(problem == nil, "\(name): \(problem ?? "")")
    }

    /// The clean module above is clean, so its dump is read back.
    @Test func cleanModuleIsClean() {
        var diags = Diagnostics()
        let inputs = Frontend.modules(fromSources: KmdFuzzInput.files(from: Self.findings[1].1), isDependency: false, &diags)
        let result = Frontend.assemble(inputs: inputs, dependencies: KmdFuzzOracle.platform, diags: diags,
                                       dependencyDiags: Diagnostics())
        #expect(result.diagnostics.all.isEmpty, "\(result.diagnostics.all)")
    }

    @Test func inputFormat() {
        let files = KmdFuzzInput.files(from: Array("A\n%%% m.X/../y z\nB\n%%% \nC\n%%% m.kmd.json\nD".utf8))
        #expect(files.map(\.path) == ["m.kmd.json", "m.X/yz.kmd.json", "f2.kmd.json", "xm.kmd.json"])
        #expect(files.map { String(decoding: $0.bytes, as: UTF8.self) } == ["A", "B", "C", "D"])
    }
}
