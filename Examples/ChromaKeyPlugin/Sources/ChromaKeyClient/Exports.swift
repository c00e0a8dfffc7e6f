// The generated proxies (KidlcPlugin, targets: [swift-client] in kidlc.yaml) are this target's code; a target
// needs one source file of its own, and this one makes `import ChromaKeyClient` bring the client library and
// the platform's proxies (KurentoClient, MediaPipeline, …) along.
@_exported import KurentoClient
@_exported import KurentoPlatformClient
