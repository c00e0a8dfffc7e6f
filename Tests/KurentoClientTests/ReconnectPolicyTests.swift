@testable import KurentoClient
import Testing

@Suite struct ReconnectPolicyTests {
    @Test func fibonacciDelaysUpToTheCap() {
        let policy = KurentoClient.ReconnectPolicy(initialDelay: .milliseconds(100), maxDelay: .milliseconds(1000))
        let delays = (0..<8).map { policy.delay(beforeAttempt: $0) }
        #expect(delays == [100, 100, 200, 300, 500, 800, 1000, 1000].map { Duration.milliseconds($0) })
    }
}
