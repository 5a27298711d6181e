/** The `connection-refused` scenario's manifests: multi-document YAML, read by `parseManifests` as a user's file. */
export default `# "Connection refused": the Service sends to port 80, but the container listens on 8080.
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
  name: web
  namespace: default
  labels:
    app: web
spec:
  replicas: 2
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
        - name: web
          image: ghcr.io/example/storefront:5.0.3
          ports:
            - containerPort: 8080
              protocol: TCP
---
apiVersion: v1
kind: Pod
metadata:
  name: client
  namespace: default
  labels:
    app: client
spec:
  nodeName: worker-1
  containers:
    - name: curl
      image: curlimages/curl:8.13.0
---
apiVersion: v1
kind: Service
metadata:
  name: web
  namespace: default
  labels:
    app: web
spec:
  type: ClusterIP
  selector:
    app: web
  ports:
    - port: 80
      targetPort: 80
      protocol: TCP
`;
