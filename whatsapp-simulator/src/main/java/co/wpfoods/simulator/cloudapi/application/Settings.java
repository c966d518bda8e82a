package co.wpfoods.simulator.cloudapi.application;

import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/** Holds the current {@link SimulatorSettings}; listeners hear about changes (limiters reset). */
public final class Settings {

    private final SimulatorSettings initial;
    private final AtomicReference<SimulatorSettings> current;
    private final CopyOnWriteArrayList<Consumer<SimulatorSettings>> listeners = new CopyOnWriteArrayList<>();

    public Settings(SimulatorSettings initial) {
        initial.validate();
        this.initial = initial;
        this.current = new AtomicReference<>(initial);
    }

    public SimulatorSettings get() {
        return current.get();
    }

    public SimulatorSettings update(SimulatorSettings.Patch patch) {
        SimulatorSettings next = current.updateAndGet(settings -> settings.apply(patch));
        listeners.forEach(listener -> listener.accept(next));
        return next;
    }

    public void restoreDefaults() {
        current.set(initial);
        listeners.forEach(listener -> listener.accept(initial));
    }

    public void onChange(Consumer<SimulatorSettings> listener) {
        listeners.add(listener);
    }
}
