# Operations: /metrics.
error-metrics-token = /metrics wymaga tokenu ustawionego jako metrics_token w konfiguracji, wysłanego jako „Authorization: Bearer <token>”.
