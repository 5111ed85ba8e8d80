# Operations: /metrics.
error-metrics-token = /metrics needs the token set as metrics_token in the configuration, sent as "Authorization: Bearer <token>".
