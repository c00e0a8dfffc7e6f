import KurentoRuntime
import Testing

/// idl/demo implemented in C (Fixtures/demo_impl.c), driven through the module boundary by the script
/// driver: state kept between calls, events from C, errors with codes, results handed over and freed.
@Suite(.enabled(if: CToolchain.hasJSONC, "\(CToolchain.missingJSONC)"))
struct CModuleDriverTests {
    @Test func demoScript() throws {
        let lines = try CModuleBuilds.demoDriver.get().run(CModuleDriverScripts.demo).map(DriverLine.init)
        let speakerBob = JSON(parsing: #"{"__type__":"Speaker","__module__":"demo","id":"bob","displayName":"Bob","role":"GUEST","attributes":{}}"#)
        let speakerAna = JSON(parsing: #"{"__type__":"Speaker","__module__":"demo","id":"ana","displayName":"Ana","role":"GUEST","attributes":{"lang":"es"}}"#)
        try #require(lines.count == 26, "\(lines)")
        #expect(lines[0] == .error(code: 40006, message: "LogoOverlay is not implemented"))
        #expect(lines[1] == .error(code: 49001, message: "maxCaptions must not be negative"))
        #expect(lines[2] == .ok(1))
        #expect(lines[3] == .ok("Main"))
        #expect(lines[4] == .ok(JSON(parsing: ##"{"GUEST":"#FFFFFF","HOST":"#FFCC00"}"##)), "the kmd default of a constructor param")
        #expect(lines[5] == .ok(.array([speakerBob])))
        #expect(lines[6] == .ok(.null))
        #expect(lines[7] == .ok(.array([speakerBob, speakerAna])))
        guard case .event(let object, "CaptionShown", let data) = lines[8] else { Issue.record("no event: \(lines[8])"); return }
        #expect(object == "object-1")
        #expect(data["captionId"] == "caption-1" && data["anchor"] == "BOTTOM" && data["type"] == "CaptionShown")
        #expect(data["caption"]?["speaker"]?["role"] == "HOST")
        #expect(data["caption"]?["durationMillis"] == 4000, "a record field's default")
        #expect(lines[9] == .ok("caption-1"))
        #expect(lines[10] == .ok(1))
        #expect(lines[11] == .ok(.null))
        #expect(lines[12] == .ok(JSON(parsing: #"{"__type__":"CaptionStyle","__module__":"demo","fontFamily":"serif","fontSize":24,"bold":true,"# +
                                      #""opacity":0.8999999761581421,"anchor":"TOP","margin":{"__type__":"Point","__module__":"demo","x":4,"y":5}}"#)))
        #expect(lines[13] == .error(code: 49002, message: "faceThreshold -3 is negative"))
        #expect(lines[14] == .ok(.null))
        guard case .event(_, "FaceCountExceeded", let faces) = lines[15] else { Issue.record("no event: \(lines[15])"); return }
        #expect(faces["threshold"] == 1 && faces["count"] == 2 && faces["mode"] == "FAST")
        #expect(faces["faces"]?.arrayValue?.first?["faceId"] == .int(9007199254740993))
        #expect(lines[16] == .ok(JSON(parsing: #"[{"__type__":"FaceBox","__module__":"demo","origin":{"__type__":"Point","__module__":"demo","x":10,"y":0},"# +
                                      #""width":64,"height":64,"faceId":9007199254740993,"confidence":0.5,"speakerId":"ana","labels":[]},"# +
                                      #"{"__type__":"FaceBox","__module__":"demo","origin":{"__type__":"Point","__module__":"demo","x":0,"y":0},"# +
                                      #""width":0,"height":0,"faceId":0,"confidence":0.0,"labels":["blurred"]}]"#)))
        #expect(lines[17] == .ok(1))
        #expect(lines[18] == .error(code: 40006, message: "StageFilter.getCaptionHistory is not implemented"))
        #expect(lines[19] == .error(code: 40003, message: "StageFilter.measureLatency failed"))
        #expect(lines[20] == .ok(.null))
        #expect(lines[21] == .error(code: 40107, message: "overlays are off"))
        #expect(lines[22] == .ok(.null))
        #expect(lines[23] == .ok(JSON(parsing: ##"{"HOST":"#000000"}"##)))
        #expect(lines[24] == .notHandled, "getName is the host's (kurento.MediaObject)")
        #expect(lines[25] == .other("DESTROYED"))
    }
}
