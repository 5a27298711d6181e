/** The `externalname` scenario's manifests: multi-document YAML, read by `parseManifests` as a user's file. */
export default `# ExternalName to an outside database: cluster DNS answers with a CNAME and nothing proxies.
apiVersion: explainer.dev/v1alpha1
kind: ClusterSettings
metadata:
  name: cluster
spec:
  provider: cloud
  nodeSubnet: 10.0.1.0/24
  nodesPublic: false
---
apiVersion: v1
kind: Node
metadata:
  name: worker-1
  labels:
    kubernetes.io/hostname: worker-1
---
apiVersion: v1
kind: Node
metadata:
  name: worker-2
  labels:
    kubernetes.io/hostname: worker-2
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: orders
  namespace: default
  labels:
    app: orders
spec:
  replicas: 2
  selector:
    matchLabels:
      app: orders
  template:
    metadata:
      labels:
        app: orders
    spec:
      containers:
        - name: orders
          image: ghcr.io/example/orders-api:2.4.1
          ports:
            - name: http
              containerPort: 8080
              protocol: TCP
---
apiVersion: v1
kind: Pod
metadata:
  name: orders-58d6c9b7f4-j6r2d
  namespace: default
  labels:
    app: orders
    pod-template-hash: 58d6c9b7f4
spec:
  nodeName: worker-1
  containers:
    - name: orders
      image: ghcr.io/example/orders-api:2.4.1
      ports:
        - name: http
          containerPort: 8080
          protocol: TCP
---
apiVersion: v1
kind: Pod
metadata:
  name: orders-58d6c9b7f4-v9l4s
  namespace: default
  labels:
    app: orders
    pod-template-hash: 58d6c9b7f4
spec:
  nodeName: worker-2
  containers:
    - name: orders
      image: ghcr.io/example/orders-api:2.4.1
      ports:
        - name: http
          containerPort: 8080
          protocol: TCP
---
apiVersion: v1
kind: Service
metadata:
  name: orders-db
  namespace: default
spec:
  type: ExternalName
  externalName: orders.c7kq2m9xz4pd.eu-west-1.rds.amazonaws.com
  ports:
    - name: postgres
      port: 5432
      protocol: TCP
`;
