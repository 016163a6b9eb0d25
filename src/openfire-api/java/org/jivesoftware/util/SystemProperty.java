package org.jivesoftware.util;

/** Compile-only mirror of Openfire 5.1.1's SystemProperty; the real class is provided at run time. */
public final class SystemProperty<T> {
    private SystemProperty() {
        throw new UnsupportedOperationException();
    }

    public static void removePropertiesForPlugin(String plugin) {
        throw new UnsupportedOperationException();
    }

    public T getValue() {
        throw new UnsupportedOperationException();
    }

    public void setValue(T value) {
        throw new UnsupportedOperationException();
    }

    public String getKey() {
        throw new UnsupportedOperationException();
    }

    public T getDefaultValue() {
        throw new UnsupportedOperationException();
    }

    /** Compile-only mirror of Openfire 5.1.1's SystemProperty.Builder. */
    public static final class Builder<T> {
        private Builder() {
            throw new UnsupportedOperationException();
        }

        public static <T> Builder<T> ofType(Class<T> clazz) {
            throw new UnsupportedOperationException();
        }

        public Builder<T> setKey(String key) {
            throw new UnsupportedOperationException();
        }

        public Builder<T> setDefaultValue(T defaultValue) {
            throw new UnsupportedOperationException();
        }

        public Builder<T> setMinValue(T minValue) {
            throw new UnsupportedOperationException();
        }

        public Builder<T> setMaxValue(T maxValue) {
            throw new UnsupportedOperationException();
        }

        public Builder<T> setDynamic(boolean dynamic) {
            throw new UnsupportedOperationException();
        }

        public Builder<T> setEncrypted(boolean encrypted) {
            throw new UnsupportedOperationException();
        }

        public Builder<T> setPlugin(String plugin) {
            throw new UnsupportedOperationException();
        }

        public SystemProperty<T> build() throws IllegalArgumentException {
            throw new UnsupportedOperationException();
        }
    }
}
