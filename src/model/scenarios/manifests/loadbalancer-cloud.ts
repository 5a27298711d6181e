/** The `loadbalancer-cloud` scenario's manifests: multi-document YAML, read by `parseManifests` as a user's file. */
export default `# LoadBalancer on a cloud: the app's first screen, as manifests. Three workers on a private
# subnet, three web pods on two of them, and a client on the internet.
apiVersion: explainer.dev/v1alpha1
kind: ClusterSettings
metadata:
  name: cluster
spec:
  provider: cloud
  nodeSubnet: 10.0.1.0/24
  nodesPublic: false
  clients:
    - name: client
      location: internet
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
apiVersion: v1
kind: Node
metadata:
  name: worker-3
  labels:
    kubernetes.io/hostname: worker-3
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: default
  labels:
    app: web
spec:
  replicas: 3
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
          image: nginx:1.27
          ports:
            - name: http
              containerPort: 8080
              protocol: TCP
---
apiVersion: v1
kind: Pod
metadata:
  name: web-57f4d48c9f-bjd8s
  namespace: default
  labels:
    app: web
    pod-template-hash: 57f4d48c9f
spec:
  nodeName: worker-1
  containers:
    - name: web
      image: nginx:1.27
      ports:
        - name: http
          containerPort: 8080
          protocol: TCP
---
apiVersion: v1
kind: Pod
metadata:
  name: web-57f4d48c9f-z2m2h
  namespace: default
  labels:
    app: web
    pod-template-hash: 57f4d48c9f
spec:
  nodeName: worker-1
  containers:
    - name: web
      image: nginx:1.27
      ports:
        - name: http
          containerPort: 8080
          protocol: TCP
---
apiVersion: v1
kind: Pod
metadata:
  name: web-57f4d48c9f-ptd47
  namespace: default
  labels:
    app: web
    pod-template-hash: 57f4d48c9f
spec:
  nodeName: worker-2
  containers:
    - name: web
      image: nginx:1.27
      ports:
        - name: http
          containerPort: 8080
          protocol: TCP
---
apiVersion: v1
kind: Service
metadata:
  name: web
  namespace: default
  labels:
    app: web
spec:
  type: LoadBalancer
  selector:
    app: web
  ports:
    - name: http
      port: 80
      targetPort: 8080
      nodePort: 30080
`;
