/// Scripts for the driver (Fixtures/driver.c) with the demo module implemented in C (Fixtures/demo_impl.c).
enum CModuleDriverScripts {
    static let caption = #"{"text":"Hello","speaker":{"id":"ana","displayName":"Ana","role":"HOST","attributes":{"k":"v"}},"keywords":["hi"]}"#

    static let demo: [String] = [
        #"create\#tLogoOverlay\#t{"mediaPipeline":"p","imageUri":"logo.png"}"#,
        #"create\#tStageFilter\#t{"mediaPipeline":"p","stageName":"Main","maxCaptions":-1}"#,
        #"create\#tStageFilter\#t{"mediaPipeline":"p","stageName":"Main","speakers":[{"id":"bob","displayName":"Bob"}]}"#,
        "invoke\tgetStageName\t{}",
        "invoke\tgetRoleColors\t{}",
        "invoke\tgetSpeakers\t{}",
        #"invoke\#taddSpeaker\#t{"speaker":{"id":"ana","displayName":"Ana","role":"GUEST","attributes":{"lang":"es"}}}"#,
        "invoke\tgetSpeakers\t{}",
        "invoke\tshowCaption\t{\"caption\":\(caption)}",
        "invoke\tgetOverlayCount\t{}",
        #"invoke\#tsetCaptionStyle\#t{"captionStyle":{"fontFamily":"serif","bold":true,"anchor":"TOP","margin":{"x":4,"y":5}}}"#,
        "invoke\tgetCaptionStyle\t{}",
        #"invoke\#tsetFaceThreshold\#t{"faceThreshold":-3}"#,
        #"invoke\#tsetFaceThreshold\#t{"faceThreshold":1}"#,
        "invoke\tlistFaces\t{}",
        "invoke\tgetProcessedFrames\t{}",
        "invoke\tgetCaptionHistory\t{}",
        #"invoke\#tmeasureLatency\#t{"samples":0}"#,
        #"invoke\#tsetOverlayEnabled\#t{"overlayEnabled":false}"#,
        "invoke\tshowCaption\t{\"caption\":\(caption)}",
        ##"invoke\##tsetRoleColors\##t{"roleColors":{"HOST":"#000000"}}"##,
        "invoke\tgetRoleColors\t{}",
        "invoke\tgetName\t{}",
        "destroy",
    ]
}
