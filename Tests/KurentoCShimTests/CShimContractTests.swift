import Foundation
import KurentoIDLCodegen
import Testing

/// The pieces that must agree: the ABI block every generated header carries and the host's copy of it, and
/// the C spellings of kmd names.
@Suite struct CShimContractTests {
    static func block(_ text: String, _ name: String) -> String? {
        guard let start = text.range(of: "/* BEGIN \(name) */"), let end = text.range(of: "/* END \(name) */") else { return nil }
        return String(text[start.lowerBound..<end.upperBound])
    }

    /// Templates/c-shim/abi.mustache and Sources/CKidlBridge/include/kidl_c_abi.h declare the same ABI.
    @Test func abiBlockMatchesTheHost() throws {
        let template = try String(contentsOf: Paths.packageRoot.appendingPathComponent("Templates/c-shim/abi.mustache"), encoding: .utf8)
        let host = try String(contentsOf: Paths.abiInclude.appendingPathComponent("kidl_c_abi.h"), encoding: .utf8)
        let expected = try #require(Self.block(template, "KIDL C ABI 1"))
        #expect(Self.block(host, "KIDL C ABI 1") == expected,
                "kidl_c_abi.h and abi.mustache differ: copy the block between the BEGIN and END lines")
        let header = try #require(try CShimFiles.generate([Paths.idl("demo")]).first { $0.path == "demo.h" })
        #expect(Self.block(header.contents, "KIDL C ABI 1") == expected)
    }

    @Test func namesAreSnakeCased() {
        #expect(CNaming.memberName("showText") == "show_text")
        #expect(CNaming.memberName("SDPAddress") == "sdp_address")
        #expect(CNaming.memberName("MP4_VIDEO_ONLY") == "mp4_video_only")
        #expect(CNaming.memberName("getURI") == "get_uri")
        #expect(CNaming.upperSnake("CaptionAnchor") == "CAPTION_ANCHOR")
        #expect(CNaming.typeName(module: "demo", "StageFilter") == "demo_StageFilter")
    }

    @Test func reservedNamesAreEscaped() {
        #expect(CNaming.memberName("default") == "default_")
        #expect(CNaming.memberName("class") == "class_")
        #expect(CNaming.memberName("int32_t") == "int32_t_")
        #expect(CNaming.memberName("_x") == "x_x")
        #expect(CNaming.memberName("__x") == "x_x")
        #expect(CNaming.memberName("a__b") == "a_b")
        #expect(CNaming.memberName("x_") == "x_x")
        #expect(CNaming.memberName("kidl_error") == "kidl_error_")
        #expect(CNaming.modulePrefix("_m") == "k_m")
        #expect(CNaming.typeName(module: "demo", "Foo_") == "demo_Foo_x")
    }

    @Test func literalsAreEscaped() {
        #expect(CNaming.stringLiteral("a\"b\\c\n") == #""a\"b\\c\n""#)
        #expect(CNaming.stringLiteral("??/") == #""\?\?/""#)
        #expect(CNaming.stringLiteral("é") == #""\303\251""#)
        #expect(CNaming.commentText("a */ b") == "a * / b")
    }

    /// A long kmd becomes several literals, each within C11's 4095-character limit, that join to the text.
    @Test func longDescriptorIsSplit() throws {
        let source = try #require(try CShimFiles.generate(Paths.platform, searchPaths: []).first { $0.path == "core.c" })
        let start = try #require(source.contents.range(of: "static const char *const kidl_c_kmd[] = {\n"))
        let end = try #require(source.contents.range(of: "    NULL\n};", range: start.upperBound..<source.contents.endIndex))
        let parts = source.contents[start.upperBound..<end.lowerBound].split(separator: "\n")
        #expect(parts.count > 1)
        for part in parts { #expect(part.count < 4095 * 4) }
    }
}
