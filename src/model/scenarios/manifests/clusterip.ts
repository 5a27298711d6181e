/** The `clusterip` scenario's manifests: multi-document YAML, read by `parseManifests` as a user's file. */
export default `# ClusterIP between two apps: a frontend calls the api Service by its DNS name.
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
  name: frontend
  namespace: default
  labels:
    app: frontend
spec:
  replicas: 1
  selector:
    matchLabels:
      app: frontend
  template:
    metadata:
      labels:
        app: frontend
    spec:
      containers:
        - name: frontend
          image: node:22-alpine
          ports:
            - name: http
              containerPort: 3000
              protocol: TCP
---
apiVersion: v1
kind: Pod
metadata:
  name: frontend-6b8d9c7f45-qx4tz
  namespace: default
  labels:
    app: frontend
    pod-template-hash: 6b8d9c7f45
spec:
  nodeName: worker-1
  containers:
    - name: frontend
      image: node:22-alpine
      ports:
        - name: http
          containerPort: 3000
          protocol: TCP
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: api
  namespace: default
  labels:
    app: api
spec:
  replicas: 2
  selector:
    matchLabels:
      app: api
  template:
    metadata:
      labels:
        app: api
    spec:
      containers:
        - name: api
          image: ghcr.io/example/orders-api:2.4.1
          ports:
            - name: http
              containerPort: 8080
              protocol: TCP
---
apiVersion: v1
kind: Pod
metadata:
  name: api-5d7c8f9b64-h2kvm
  namespace: default
  labels:
    app: api
    pod-template-hash: 5d7c8f9b64
spec:
  nodeName: worker-1
  containers:
    - name: api
      image: ghcr.io/example/orders-api:2.4.1
      ports:
        - name: http
          containerPort: 8080
          protocol: TCP
---
apiVersion: v1
kind: Pod
metadata:
  name: api-5d7c8f9b64-w8nrp
  namespace: default
  labels:
    app: api
    pod-template-hash: 5d7c8f9b64
spec:
  nodeName: worker-2
  containers:
    - name: api
      image: ghcr.io/example/orders-api:2.4.1
      ports:
        - name: http
          containerPort: 8080
          protocol: TCP
---
apiVersion: v1
kind: Service
metadata:
  name: api
  namespace: default
  labels:
    app: api
spec:
  type: ClusterIP
  selector:
    app: api
  ports:
    - name: http
      port: 80
      targetPort: http
      protocol: TCP
`;
