package dev.dynamotest.core.internal.server;

import com.sun.management.HotSpotDiagnosticMXBean;
import com.sun.management.VMOption;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;

/**
 * Makes the standalone server give back to the operating system the heap it no longer uses, as a server left running
 * beside a test suite should. A jar cannot set JVM options, but these three are "manageable": the running JVM takes
 * them from the server itself. Each is set only when the command line left it at its default, so
 * {@code java -XX:MaxHeapFreeRatio=70 -jar ...} still wins.
 * <ul>
 *   <li>{@code MinHeapFreeRatio=10}, {@code MaxHeapFreeRatio=20} (defaults 40 and 70): after a full collection or a
 *       concurrent cycle, the heap keeps at most 20% free rather than 70%;</li>
 *   <li>{@code G1PeriodicGCInterval=10000} (default off): a server that has not collected for 10 s runs a concurrent
 *       cycle, which returns the heap its idle data does not need (JEP 346).</li>
 * </ul>
 * What it costs: a concurrent cycle every 10 s while idle, none while busy (busy servers collect anyway), and a
 * smaller heap after a burst, which grows again if the next burst needs it.
 */
public final class HeapReturn {

    static final String MIN_FREE = "MinHeapFreeRatio";
    static final String MAX_FREE = "MaxHeapFreeRatio";
    static final String PERIODIC_GC = "G1PeriodicGCInterval";

    private HeapReturn() {
    }

    /** Sets the options the command line left at their defaults; returns the ones set, as {@code name=value}. */
    public static List<String> configure() {
        HotSpotDiagnosticMXBean vm = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
        List<String> set = new ArrayList<>();
        // the minimum first: the JVM refuses a maximum below the current minimum
        if (isDefault(vm, MIN_FREE) && Long.parseLong(vm.getVMOption(MAX_FREE).getValue()) >= 10) {
            set(vm, MIN_FREE, "10", set);
        }
        if (isDefault(vm, MAX_FREE) && Long.parseLong(vm.getVMOption(MIN_FREE).getValue()) <= 20) {
            set(vm, MAX_FREE, "20", set);
        }
        if (isDefault(vm, PERIODIC_GC)) {
            set(vm, PERIODIC_GC, "10000", set);
        }
        return set;
    }

    private static boolean isDefault(HotSpotDiagnosticMXBean vm, String name) {
        return vm.getVMOption(name).getOrigin() == VMOption.Origin.DEFAULT;
    }

    private static void set(HotSpotDiagnosticMXBean vm, String name, String value, List<String> set) {
        vm.setVMOption(name, value);
        set.add(name + "=" + value);
    }
}
