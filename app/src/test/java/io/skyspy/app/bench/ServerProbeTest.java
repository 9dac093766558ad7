package io.skyspy.app.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** {@code jcmd GC.heap_info} as each collector of JDK 17 prints it (recorded output). */
class ServerProbeTest {

    @Test
    void g1PrintsOneLineForTheWholeHeap() {
        String info = """
                 garbage-first heap   total 397312K, used 17946K [0x0000000687400000, 0x0000000800000000)
                  region size 4096K, 4 young (16384K), 0 survivors (0K)
                 Metaspace       used 8928K, committed 9088K, reserved 1114112K
                  class space    used 1062K, committed 1152K, reserved 1048576K
                """;
        assertEquals(17946L * 1024, ServerProbe.heapUsedBytes(info));
    }

    @Test
    void parallelAddsItsGenerationsAndLeavesOutMetaspace() {
        String info = """
                 PSYoungGen      total 113152K, used 19457K [0x0000000782700000, 0x000000078a500000, 0x0000000800000000)
                  eden space 97280K, 20% used [0x0000000782700000,0x0000000783a00690,0x0000000788600000)
                  from space 15872K, 0% used [0x0000000789580000,0x0000000789580000,0x000000078a500000)
                  to   space 15872K, 0% used [0x0000000788600000,0x0000000788600000,0x0000000789580000)
                 ParOldGen       total 258048K, used 3210K [0x0000000687400000, 0x0000000697000000, 0x0000000782700000)
                  object space 258048K, 1% used [0x0000000687400000,0x0000000687400000,0x0000000697000000)
                 Metaspace       used 8953K, committed 9152K, reserved 1114112K
                  class space    used 1062K, committed 1152K, reserved 1048576K
                """;
        assertEquals((19457L + 3210) * 1024, ServerProbe.heapUsedBytes(info));
    }

    @Test
    void serialAddsItsGenerations() {
        String info = """
                 def new generation   total 116160K, used 20659K [0x0000000687400000, 0x000000068f200000, 0x0000000704d50000)
                  eden space 103296K,  20% used [0x0000000687400000, 0x000000068882ce78, 0x000000068d8e0000)
                 tenured generation   total 258048K, used 100K [0x0000000704d50000, 0x0000000714950000, 0x0000000800000000)
                   the space 258048K,   0% used [0x0000000704d50000, 0x0000000704d50000, 0x0000000704d50200, 0x0000000714950000)
                 Metaspace       used 8904K, committed 9088K, reserved 1114112K
                """;
        assertEquals((20659L + 100) * 1024, ServerProbe.heapUsedBytes(info));
    }

    @Test
    void zgcCountsInMegabytes() {
        String info = """
                 ZHeap           used 52M, capacity 378M, max capacity 6028M
                 Metaspace       used 8923K, committed 9088K, reserved 1114112K
                """;
        assertEquals(52L << 20, ServerProbe.heapUsedBytes(info));
    }

    @Test
    void unknownOutputIsMinusOne() {
        assertEquals(-1, ServerProbe.heapUsedBytes("no such command\n"));
    }
}
