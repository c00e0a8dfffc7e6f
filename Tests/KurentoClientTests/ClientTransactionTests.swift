import KurentoClient
import KurentoPlatformClient
import KurentoRuntime
import Testing

/// Transactions: operations recorded, sent as one `transaction` with `newref:<n>`.
@Suite struct ClientTransactionTests {
    @Test func createsAndUsesObjectsByNewRef() async throws {
        try await LoopbackServer.run { url, _ in
            let client = try await KurentoClient.connect(to: url, configuration: LoopbackServer.configuration())
            let tx = client.beginTransaction()
            let pipeline = MediaPipeline.create(tx)
            let a = PassThrough.create(tx, mediaPipeline: pipeline)
            let b = PassThrough.create(tx, mediaPipeline: pipeline)
            #expect(pipeline.id == "newref:0")
            #expect(a.id == "newref:1")
            a.setName(tx, "a")
            a.connect(tx, sink: b)
            let name = a.getName(tx)
            #expect(throws: KurentoClientError.self) { try name.get() }
            try await tx.commit()

            #expect(pipeline.id.hasSuffix("_kurento.MediaPipeline"))
            #expect(a.id.hasPrefix(pipeline.id + "/"))
            #expect(try name.get() == "a")
            #expect(try await a.getName() == "a")
            #expect(try await a.getSinkConnections().map(\.sink).contains(b.reference))
            await #expect(throws: KurentoClientError.self) { try await tx.commit() }
            await client.close()
        }
    }

    @Test func stopsAtTheFirstFailingOperation() async throws {
        try await LoopbackServer.run { url, _ in
            let client = try await KurentoClient.connect(to: url, configuration: LoopbackServer.configuration())
            let pipeline = try await MediaPipeline.create(client)
            let gone = try await PassThrough.create(client, mediaPipeline: pipeline)
            try await gone.release()
            let tx = client.beginTransaction()
            let first = pipeline.setName(tx, "p")
            let failing = gone.getName(tx)
            let skipped = pipeline.getName(tx)
            let error = await #expect(throws: KurentoError.self) { try await tx.commit() }
            #expect(error?.code == 40101)
            #expect(error?.type == "MEDIA_OBJECT_NOT_FOUND")
            #expect(throws: Never.self) { try first.get() }
            #expect(throws: KurentoError.self) { try failing.get() }
            #expect { try skipped.get() } throws: { ($0 as? KurentoClientError)?.kind == .notExecuted }
            await client.close()
        }
    }
}
