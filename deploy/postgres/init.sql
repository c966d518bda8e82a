-- One database per service (each service migrates its own schema with Flyway at start).
-- The services connect as postgres here; on Kubernetes each has its own role (k8s/base/postgres.yaml).
CREATE DATABASE webhook_service;
CREATE DATABASE order_service;
CREATE DATABASE dispatch_service;
CREATE DATABASE payment_service;
CREATE DATABASE ai_service;
CREATE DATABASE messaging_service;
